# Offline support for the web app: icons drawn at build time, then a service worker that
# precaches every file in the web folder under a cache named after their contents.
# Included by cmake/app.cmake in the Emscripten branch, after the POST_BUILD copy of the page
# and web/, so these steps run after it (POST_BUILD commands run in the order they are added).
find_program(YOUSAID_NODE NAMES node nodejs)
if(NOT YOUSAID_NODE)
  message(FATAL_ERROR "Node.js not found: it generates the icons and the service worker of the web app")
endif()

# Each page's glue first, before the precache names its digest.
add_custom_command(TARGET yousaid_app POST_BUILD
  COMMAND ${YOUSAID_NODE} ${PROJECT_SOURCE_DIR}/scripts/shorten_glue_names.mjs ${YOUSAID_WEB_DIR}/app.js
  COMMAND ${YOUSAID_NODE} ${PROJECT_SOURCE_DIR}/scripts/make_icons.mjs ${YOUSAID_WEB_DIR}
  COMMAND ${YOUSAID_NODE} ${PROJECT_SOURCE_DIR}/scripts/make_service_worker.mjs ${YOUSAID_WEB_DIR}
  COMMENT "Generating icons and the service worker (offline precache) in ${YOUSAID_WEB_DIR}"
  VERBATIM)

# The officer's page can relink alone (a change in officer-only code), and the precache lists
# its files too: the service worker is written again then, or it would name the old files'
# digests and refuse to install. (When both relink, the app's step above runs last; in a
# fresh build the web folder has no pages yet, and this step leaves it to the app's.)
add_custom_command(TARGET yousaid_officer POST_BUILD
  COMMAND ${YOUSAID_NODE} ${PROJECT_SOURCE_DIR}/scripts/shorten_glue_names.mjs ${YOUSAID_WEB_DIR}/officer.js
  COMMAND ${YOUSAID_NODE} ${PROJECT_SOURCE_DIR}/scripts/make_service_worker.mjs ${YOUSAID_WEB_DIR} --if-built
  COMMENT "Writing the service worker again for the officer's page"
  VERBATIM)

# POST_BUILD steps run only when the app relinks; without these, a changed page, static file
# or generator would leave the web folder (and the precache) out of date.
file(GLOB_RECURSE _yousaid_static_web_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/web/*)
set_property(TARGET yousaid_app APPEND PROPERTY LINK_DEPENDS
  ${PROJECT_SOURCE_DIR}/shell/index.html
  ${_yousaid_static_web_files}
  ${PROJECT_SOURCE_DIR}/scripts/make_icons.mjs
  ${PROJECT_SOURCE_DIR}/scripts/make_service_worker.mjs
  ${PROJECT_SOURCE_DIR}/scripts/shorten_glue_names.mjs)
