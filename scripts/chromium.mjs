// How every test and benchmark starts Debian's Chromium (never a downloaded browser):
// headless, WebGL through SwiftShader, nothing fetched from the network on its own.
export const CHROMIUM_PATH = process.env.YOUSAID_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
