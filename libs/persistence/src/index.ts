export * from './capabilities';
export * from './duplicate-key';
export * from './index-bootstrapper';
export * from './persistence.module';
export * from './tenant-scope.plugin';
