// Once per test run: build the web bundle the browser tests load.
export async function setup() {
  const { buildWeb } = await import('../scripts/build-web.ts').catch(() => ({ buildWeb: null }));
  if (buildWeb) await buildWeb();
}
