export * from './kafka-probe';
export * from './test-app';
export * from './test-env';
