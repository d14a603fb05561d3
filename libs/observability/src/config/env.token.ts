/** Injection token of the validated environment instance (a subclass of BaseEnv). */
export const ENV = Symbol.for('careloop.env');
