// k8s/base/kafka-topics.yaml must provision exactly the catalog: a topic missing there makes a
// consumer refuse to start in the cluster; an orphan is a topic nobody owns.
const fs = require('node:fs');
const { loadTopicSpecs } = require('./topic-catalog');
const { outputFile, REPLICAS, MIN_INSYNC_REPLICAS } = require('./generate-kafka-topics');
const { parseYamlDocuments } = require('./manifests');

const catalog = loadTopicSpecs();
const kafkaTopics = parseYamlDocuments(fs.readFileSync(outputFile, 'utf8'), outputFile).filter(
  (object) => object.kind === 'KafkaTopic',
);
const topicNameOf = (resource) => resource.spec.topicName ?? resource.metadata.name;

describe('KafkaTopic resources generated from the topic catalog', () => {
  it('the catalog has event topics, each with its dead-letter topic', () => {
    const names = new Set(catalog.map((spec) => spec.name));
    const eventTopics = [...names].filter((name) => !name.endsWith('.dlq'));
    expect(eventTopics.length).toBeGreaterThan(0);
    for (const name of eventTopics) expect(names).toContain(`${name}.dlq`);
  });

  it.each(catalog.map((spec) => [spec.name, spec]))('%s has exactly one KafkaTopic with its partitions and retention', (name, spec) => {
    const matches = kafkaTopics.filter((resource) => topicNameOf(resource) === name);
    expect(matches).toHaveLength(1);
    const [resource] = matches;
    expect(resource.apiVersion).toBe('kafka.strimzi.io/v1beta2');
    expect(resource.metadata.labels['strimzi.io/cluster']).toBeTruthy();
    expect(resource.spec.partitions).toBe(spec.partitions);
    expect(resource.spec.replicas).toBe(REPLICAS);
    expect(resource.spec.config['retention.ms']).toBe(spec.retentionMs);
    expect(resource.spec.config['min.insync.replicas']).toBe(MIN_INSYNC_REPLICAS);
  });

  it('has no KafkaTopic outside the catalog', () => {
    const names = new Set(catalog.map((spec) => spec.name));
    const orphans = kafkaTopics.map(topicNameOf).filter((name) => !names.has(name));
    expect(orphans).toEqual([]);
  });

  it('names every resource uniquely', () => {
    const names = kafkaTopics.map((resource) => resource.metadata.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
