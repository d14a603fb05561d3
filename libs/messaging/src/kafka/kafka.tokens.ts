export const KAFKA_CLIENT = Symbol.for('careloop.kafka-client');
export const KAFKA_SETTINGS = Symbol.for('careloop.kafka-settings');
export const EVENT_FACTORY = Symbol.for('careloop.event-factory');
