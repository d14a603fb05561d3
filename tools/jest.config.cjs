// Tests of the workspace tools (deployment files, scripts): plain CommonJS specs beside the tools.
module.exports = {
  displayName: 'workspace-tools',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.{js,ts}'],
};
