/**
 * The physical topic for a catalog topic. Tests run with a unique KAFKA_TOPIC_PREFIX so runs cannot collide; production
 * runs without one. Read at call time (decorators call it at import time, after the environment is loaded).
 */
export function topicName(catalogTopic: string): string {
  return `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${catalogTopic}`;
}

/** The catalog topic of a physical topic (the prefix removed). */
export function catalogTopicOf(physicalTopic: string): string {
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  return prefix && physicalTopic.startsWith(prefix) ? physicalTopic.slice(prefix.length) : physicalTopic;
}
