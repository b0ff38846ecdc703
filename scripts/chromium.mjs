// How every test and benchmark starts Debian's Chromium (never a downloaded browser):
// headless, WebGL through SwiftShader, nothing fetched from the network on its own.
export const CHROMIUM_PATH = process.env.YOUSAID_CHROMIUM || '/usr/bin/chromium';

// Chromium keeps only the last --disable-features it is given, so this list repeats the
// features Playwright switches off (playwright-core 1.65, chromiumSwitches) and adds its own.
const DISABLED_FEATURES = [
  // Playwright's: no network on start, no HTTPS upgrades of 127.0.0.1, paint as soon as ready.
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  // Ours: headless Chromium still builds each window's toolbar, and its address bar loads a
  // web-page popup (chrome://omnibox-popup.top-chrome) in a renderer of its own. Each new
  // browser context opens a window, and that popup cost about 1.4 s of CPU every time.
  'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup',
];

export const CHROMIUM_ARGS = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];
