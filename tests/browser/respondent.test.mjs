// The respondent's way through each shipped survey on a tablet, by touch, as a young person
// or parent would: conditions, skips, Back, a change from the check screen, typed text,
// submit, thank-you and signposting, and what is stored afterwards.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, answerQuestions, browserTest, storedResponses } from './harness.mjs';

const face = (question, option) => `option:${question}:${option}`;

browserTest('pupil survey by touch: condition, skip, back, change on the check screen, typed text', async ({ app, page }) => {
  await app.open('test=1&survey=pupil');
  await app.startSurvey();

  // Year group, then Back from the age question keeps the year group chosen.
  await app.tap('option:year_group:year_6');
  assert.equal((await app.item('option:year_group:year_6')).checked, true);
  await app.tap('next');
  await app.tap('value:age:11');
  await app.tap('back');
  let report = await app.report();
  assert.equal(report.session.questionId, 'year_group');
  assert.equal((await app.item('option:year_group:year_6')).checked, true, 'the answer is kept after Back');
  await app.tap('next');
  report = await app.report();
  assert.equal(report.session.questionId, 'age');
  assert.equal((await app.item('value:age:11')).checked, true);
  const countBefore = report.session.shownCount;

  const shown = await answerQuestions(app, {
    age: { tap: [] },
    school_type: { skip: true },
    school: { tap: ['option:school:brookfield_primary'] },
    feel_valued: { tap: [face('feel_valued', 'mostly')] },
    feel_safe: { tap: [face('feel_safe', 'yes_a_lot')] },
    know_where_to_get_help: { tap: [face('know_where_to_get_help', 'a_bit')] },
    happy_at_school: { tap: [face('happy_at_school', 'mostly')] },
    healthy_and_active: { skip: true },
    ready_for_adult_life: { tap: ['option:ready_for_adult_life:dont_know'] },
    can_say_what_i_think: { tap: [face('can_say_what_i_think', 'mostly')] },
    adults_listen: { tap: [face('adults_listen', 'not_really')] },
    like_where_i_live: { tap: [face('like_where_i_live', 'yes_a_lot')] },
    happiness: { tap: ['value:happiness:8'] },
    // Choosing "worried" brings in the follow-up about an adult to talk to.
    feelings: { tap: ['option:feelings:happy', 'option:feelings:worried'] },
    adult_to_talk_to: { tap: ['option:adult_to_talk_to:yes'] },
    one_thing_to_change: { type: 'More clubs after school, and a quiet room' },
    send_support: { tap: ['option:send_support:none'] },
    care_status: { tap: ['option:care_status:prefer_not_to_say'] },
    young_carer: { tap: ['option:young_carer:no'] },
    gender: { skip: true },
    ethnic_group: { skip: true },
  });
  assert.ok(shown.includes('adult_to_talk_to'), 'the conditional question was shown');
  report = await app.waitForScreen('check');
  assert.equal(report.session.shownCount, countBefore + 1, 'the progress count grew by the conditional question');

  // Change one answer from the check screen; Next returns straight to the check screen.
  await app.tap('change:happiness');
  report = await app.waitForScreen('question');
  assert.equal(report.session.questionId, 'happiness');
  await app.tap('value:happiness:9');
  await app.tap('next');
  await app.waitForScreen('check');
  await page.screenshot({ path: join(ARTIFACTS, 'pupil-check-screen.png') });

  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await page.waitForFunction(() => window.yousaidTest.storage.saveState === 'saved');
  report = await app.report();
  assert.match(report.title, /Thank you/);
  await app.tap('next');
  report = await app.waitForScreen('signposting');
  assert.match(report.announcement + (await page.locator('#yousaid-accessible').innerText()), /worried/);
  await page.screenshot({ path: join(ARTIFACTS, 'pupil-signposting.png') });
  await app.tap('finish');
  report = await app.waitForScreen('welcome');
  assert.equal(report.session.answerCount, 0, 'nothing of the previous person is left');

  const [response] = storedResponses(report);
  assert.equal(report.stored.length, 1);
  assert.equal(response.status, 'complete');
  assert.equal(response.survey_id, 'pupil');
  assert.deepEqual(response.answers, {
    year_group: { kind: 'option', option_id: 'year_6' },
    age: { kind: 'integer', value: 11 },
    school_type: { kind: 'skipped' },
    school: { kind: 'option', option_id: 'brookfield_primary' },
    feel_valued: { kind: 'option', option_id: 'mostly' },
    feel_safe: { kind: 'option', option_id: 'yes_a_lot' },
    know_where_to_get_help: { kind: 'option', option_id: 'a_bit' },
    happy_at_school: { kind: 'option', option_id: 'mostly' },
    healthy_and_active: { kind: 'skipped' },
    ready_for_adult_life: { kind: 'option', option_id: 'dont_know' },
    can_say_what_i_think: { kind: 'option', option_id: 'mostly' },
    adults_listen: { kind: 'option', option_id: 'not_really' },
    like_where_i_live: { kind: 'option', option_id: 'yes_a_lot' },
    happiness: { kind: 'integer', value: 9 },
    feelings: { kind: 'options', option_ids: ['happy', 'worried'] },
    adult_to_talk_to: { kind: 'option', option_id: 'yes' },
    one_thing_to_change: { kind: 'text', text: 'More clubs after school, and a quiet room' },
    send_support: { kind: 'option', option_id: 'none' },
    care_status: { kind: 'option', option_id: 'prefer_not_to_say' },
    young_carer: { kind: 'option', option_id: 'no' },
    gender: { kind: 'skipped' },
    ethnic_group: { kind: 'skipped' },
  });
});

browserTest('parent-carer survey in Polish: before-and-now ratings, a hidden follow-up, advice at the end', async ({ app }) => {
  await app.open('test=1&survey=parent_carer');
  await app.tap('language');
  let report = await app.report();
  assert.equal(report.session.language, 'pl');
  assert.equal((await app.item('start')).label, 'Zacznij');
  await app.startSurvey();
  report = await app.report();
  assert.ok(report.items.some((item) => item.id === 'next' && item.label === 'Dalej'), 'buttons speak Polish');

  const shown = await answerQuestions(app, {
    send_status: { tap: ['option:send_status:sen_support'] },
    phase: { tap: ['option:phase:primary'] },
    school: { tap: ['option:school:brookfield_primary'] },
    age_band: { tap: ['option:age_band:age_5_10'] },
    care_status: { tap: ['option:care_status:not_in_care'] },
    graduated_response_understanding: { tap: ['before:graduated_response_understanding:3', 'now:graduated_response_understanding:7'] },
    school_send_support: { tap: ['option:school_send_support:satisfied'] },
    feel_listened_to: { tap: ['option:feel_listened_to:agree'] },
    know_who_to_contact: { tap: ['option:know_who_to_contact:sometimes'] },
    answered_in_time: { tap: ['option:answered_in_time:no'] },
    // "No" hides "was the Local Offer useful".
    local_offer_known: { tap: ['option:local_offer_known:no'] },
    ehc_assessment_requested: { tap: ['option:ehc_assessment_requested:no'] },
    transition_in_last_year: { skip: true },
    overall_satisfaction: { tap: ['option:overall_satisfaction:neither'] },
    what_would_make_things_better: { type: 'Szybsza odpowiedź na e-maile' },
    relationship_to_child: { tap: ['option:relationship_to_child:parent'] },
  });
  assert.ok(!shown.includes('local_offer_useful'), 'the Local Offer follow-up stayed hidden');
  assert.ok(!shown.includes('annual_review_involved'), 'annual review questions are only for EHC plans');
  await app.waitForScreen('check');
  // Back from the check screen reaches the last question; Next returns.
  await app.tap('back');
  report = await app.waitForScreen('question');
  assert.equal(report.session.questionId, 'relationship_to_child');
  await app.tap('next');
  await app.waitForScreen('check');
  // Changing "heard of the Local Offer" to yes brings its follow-up into the survey.
  await app.tap('change:local_offer_known');
  await app.waitForScreen('question');
  await app.tap('option:local_offer_known:yes');
  await app.tap('next');
  report = await app.waitForScreen('check');
  assert.ok(report.items.some((item) => item.id === 'change:local_offer_useful'), 'the follow-up is now listed');
  assert.equal((await app.item('submit')).enabled, true, 'an optional follow-up left unanswered does not block sending');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await app.tap('next');
  report = await app.waitForScreen('signposting');
  assert.equal(report.title, 'Porady i wsparcie', 'parents are told where to get advice, too');
  await app.tap('finish');
  report = await app.waitForScreen('welcome');
  const [response] = storedResponses(report);
  assert.equal(response.language, 'pl');
  assert.deepEqual(response.answers.graduated_response_understanding, { kind: 'before_and_now', before: 3, now: 7 });
  assert.deepEqual(response.answers.what_would_make_things_better, { kind: 'text', text: 'Szybsza odpowiedź na e-maile' });
  assert.deepEqual(response.answers.local_offer_known, { kind: 'option', option_id: 'yes' });
  assert.equal(response.answers.local_offer_useful, undefined, 'never answered, so not stored');
});

browserTest('pledge survey: a care leaver aged 18-20 is asked about the pathway plan and the charter', async ({ app }) => {
  await app.open('test=1&survey=pledge');
  await app.startSurvey();
  const yes = (id) => ({ tap: [`option:${id}:yes`] });
  const shown = await answerQuestions(app, {
    care_status: { tap: ['option:care_status:care_leaver'] },
    age_band: { tap: ['option:age_band:age_18_20'] },
    work_in_partnership: yes('work_in_partnership'),
    voice_thoughts_and_needs: { tap: ['option:voice_thoughts_and_needs:sometimes'] },
    listened_to_in_decisions: { tap: ['option:listened_to_in_decisions:no'] },
    involved_and_informed: { skip: true },
    part_in_meetings: { tap: ['option:part_in_meetings:dont_know'] },
    views_change_plans: yes('views_change_plans'),
    has_pathway_plan: yes('has_pathway_plan'),
    pathway_plan_copy: yes('pathway_plan_copy'),
    pathway_plan_understood: yes('pathway_plan_understood'),
    pathway_plan_agreed: { tap: ['option:pathway_plan_agreed:sometimes'] },
    pathway_plan_reviewed: yes('pathway_plan_reviewed'),
    contact_every_8_weeks: yes('contact_every_8_weeks'),
    good_relationship_with_worker: yes('good_relationship_with_worker'),
    not_repeating_my_story: { tap: ['option:not_repeating_my_story:no'] },
    right_help_right_time: { skip: true },
    seen_local_offer: yes('seen_local_offer'),
    seen_care_leavers_charter: { tap: ['option:seen_care_leavers_charter:no'] },
    understand_our_offer: { skip: true },
    safe_caring_home: yes('safe_caring_home'),
    help_with_education_work: yes('help_with_education_work'),
    help_with_feelings: { tap: ['option:help_with_feelings:sometimes'] },
    complaints_acted_on: { skip: true },
    overall_satisfaction: { tap: ['option:overall_satisfaction:happy'] },
    one_thing_to_change: { type: 'Answer my texts quicker' },
    gender: { skip: true },
    ethnic_group: { tap: ['option:ethnic_group:prefer_not_to_say'] },
  });
  for (const id of ['has_pathway_plan', 'pathway_plan_copy', 'seen_care_leavers_charter']) {
    assert.ok(shown.includes(id), `${id} was shown to a care leaver aged 18-20`);
  }
  await app.waitForScreen('check');
  await app.tap('back');
  await app.waitForScreen('question');
  await app.tap('next');
  await app.waitForScreen('check');
  await app.tap('change:overall_satisfaction');
  await app.waitForScreen('question');
  await app.tap('option:overall_satisfaction:very_happy');
  await app.tap('next');
  await app.waitForScreen('check');
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await app.tap('next');
  await app.waitForScreen('signposting');
  await app.tap('finish');
  const report = await app.waitForScreen('welcome');
  const [response] = storedResponses(report);
  assert.equal(response.survey_id, 'pledge');
  assert.equal(Object.keys(response.answers).length, shown.length);
  assert.deepEqual(response.answers.pathway_plan_agreed, { kind: 'option', option_id: 'sometimes' });
  assert.deepEqual(response.answers.overall_satisfaction, { kind: 'option', option_id: 'very_happy' });
  assert.deepEqual(response.answers.one_thing_to_change, { kind: 'text', text: 'Answer my texts quicker' });
});

browserTest('saying no to taking part stores a refusal with no answers and returns to the start after signposting', async ({ app }) => {
  await app.open('test=1&survey=pupil');
  await app.tap('start');
  await app.tap('consent_no');
  let report = await app.waitForScreen('thank_you');
  assert.match(report.title, /That is fine/);
  await app.tap('next');
  await app.waitForScreen('signposting');
  await app.tap('finish');
  report = await app.waitForScreen('welcome');
  const [refusal] = storedResponses(report);
  assert.equal(refusal.status, 'refused');
  assert.deepEqual(refusal.answers, {});
});

browserTest('a reload mid-survey shows nothing of that person, and a submitted response survives reloads', async ({ app, page }) => {
  await app.open('test=1&survey=pupil');
  await app.startSurvey();
  await answerQuestions(app, {
    year_group: { tap: ['option:year_group:year_8'] }, age: { skip: true }, school_type: { skip: true },
    school: { skip: true }, feel_valued: { skip: true }, feel_safe: { skip: true },
    know_where_to_get_help: { skip: true }, happy_at_school: { skip: true }, healthy_and_active: { skip: true },
    ready_for_adult_life: { skip: true }, can_say_what_i_think: { skip: true }, adults_listen: { skip: true },
    like_where_i_live: { skip: true }, happiness: { tap: ['value:happiness:4'] }, feelings: { skip: true },
    one_thing_to_change: { skip: true }, send_support: { skip: true }, care_status: { skip: true },
    young_carer: { skip: true }, gender: { skip: true }, ethnic_group: { skip: true },
  });
  await app.tap('submit');
  await app.waitForScreen('thank_you');
  await page.waitForFunction(() => window.yousaidTest.storage.saveState === 'saved');
  await page.reload();
  await app.waitForReady();
  let report = await app.report();
  assert.equal(report.screen, 'welcome');
  assert.equal(report.stored.length, 1, 'the submitted response is still stored after a reload');

  // The next person starts, answers one question, and the page reloads mid-survey.
  await app.startSurvey();
  await app.tap('option:year_group:year_9');
  await app.tap('next');
  await page.reload();
  await app.waitForReady();
  report = await app.report();
  assert.equal(report.screen, 'welcome', 'a reload starts again at the welcome screen');
  assert.equal(report.session.answerCount, 0);
  assert.equal(report.stored.length, 1);
  assert.equal(storedResponses(report)[0].answers.happiness.value, 4);
});

browserTest('after a quiet spell the app asks "Are you still there?", then keeps the partial answers', async ({ app }) => {
  await app.open('test=1&survey=pupil&idle=2&still_there=2');
  await app.startSurvey();
  await app.tap('option:year_group:year_7');
  await app.tap('next');
  let report = await app.waitForScreen('still_there', 10000);
  assert.equal(report.title, 'Are you still there?');
  // Answering the prompt carries on where the person was.
  await app.tap('still_here');
  report = await app.waitForScreen('question');
  assert.equal(report.session.questionId, 'age');
  // Left alone again: the session closes and keeps what was given as a partial response.
  await app.waitForScreen('still_there', 10000);
  report = await app.waitForScreen('welcome', 10000);
  assert.equal(report.session.answerCount, 0);
  const [partial] = storedResponses(report);
  assert.equal(partial.status, 'partial');
  assert.deepEqual(partial.answers, { year_group: { kind: 'option', option_id: 'year_7' } });
});

browserTest('a station set to discard partial answers keeps nothing after a timeout', async ({ app }) => {
  await app.open('test=1&survey=pupil&idle=3&still_there=1&keep_partial=0');
  await app.startSurvey();
  await app.tap('option:year_group:year_7');
  await app.waitForScreen('still_there', 10000);
  const report = await app.waitForScreen('welcome', 10000);
  assert.equal(report.stored.length, 0);
});
