export * from './catalog/topics';
