import { z } from 'zod';
import { EVENT_CATALOG } from './event-catalog';
import { Topics, topicSpecs } from './topics';

describe('event catalog', () => {
  it('has exactly one event per topic and one topic per event', () => {
    const catalogTopics = EVENT_CATALOG.map((e) => e.topic).sort();
    expect(catalogTopics).toEqual(Object.values(Topics).sort());
    expect(new Set(EVENT_CATALOG.map((e) => e.type)).size).toBe(EVENT_CATALOG.length);
  });

  it('names topics <owner>.<event-kebab>.v<N>', () => {
    for (const e of EVENT_CATALOG) {
      const kebab = e.name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
      expect(e.topic).toBe(`${e.owner}.${kebab}.v${e.version}`);
    }
  });

  it('publishes a JSON Schema for every payload', () => {
    for (const e of EVENT_CATALOG) {
      const schema = z.toJSONSchema(e.schema) as { type?: string; properties?: object };
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('provisions every event topic with its dead-letter topic', () => {
    const names = topicSpecs().map((t) => t.name);
    for (const topic of Object.values(Topics)) {
      expect(names).toContain(topic);
      expect(names).toContain(`${topic}.dlq`);
    }
  });

  it('never lets a partner-facing referral event carry clinical answers or names', () => {
    const { ReferralMade } = jest.requireActual('../events/care-planning.events');
    const shape = Object.keys((z.toJSONSchema(ReferralMade.schema) as { properties: object }).properties);
    for (const forbidden of ['answers', 'name', 'birthDate', 'address', 'score']) {
      expect(shape).not.toContain(forbidden);
    }
  });
});
