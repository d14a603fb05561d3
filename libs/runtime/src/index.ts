export * from './bootstrap';
export * from './health/health.http.controller';
export * from './http/validation.pipe';
export * from './platform.module';
