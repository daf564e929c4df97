// The module boundaries of ARCHITECTURE.md, checked by `npm run lint` (and so by CI).
// Known violations still to be removed are listed in .dependency-cruiser-known-violations.json; a new one fails.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'platform/ is the foundation (config, db, http, auth, tenancy, identity): it may not depend on a feature module.',
      severity: 'error',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'channels-imports-no-module',
      comment: 'channels announce stored messages; the modules that want them subscribe. Channels name no consumer.',
      severity: 'error',
      from: { path: '^server/src/modules/channels/' },
      to: { path: '^server/src/modules/', pathNot: '^server/src/modules/channels/' },
    },
    {
      name: 'module-through-index',
      comment: "A module's public API is its index.ts: another module (or the runtime) imports only that file.",
      severity: 'error',
      from: { path: '^server/src/(?:modules/([^/]+)/|[^/]+\\.ts$|cli/)' },
      to: {
        path: '^server/src/modules/[^/]+/',
        pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and hide which part depends on which.',
      severity: 'error',
      from: {},
      to: { circular: true, pathNot: '\\.d\\.ts$' },
    },
    {
      name: 'web-imports-no-server',
      comment: 'The web app shares types with the server only through contracts/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|test|bench)/' },
    },
    {
      name: 'contracts-import-only-contracts',
      comment: 'contracts/ is shared by server and web, so it depends on nothing of ours.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web|test|bench|bin|scripts)/' },
    },
    {
      name: 'production-imports-no-test-code',
      comment: 'Test kits live under test/ and next to tests; production code never loads them.',
      severity: 'error',
      from: { path: '^(server|contracts|web/src)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^test/', '\\.test\\.tsx?$', 'test-kit'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
