// A worker thread of intake/body-reader.ts: reads message bodies (intake/body-work.ts). The project
// runs TypeScript through tsx; a thread inherits the parent's loader under `npm run intake`, and
// registers tsx itself where the parent's loader does not reach threads (the test runner). The
// second import names the module anew: the loader remembers the first one's failure.
try {
  await import('./body-work.ts');
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./body-work.ts?with-tsx');
}
