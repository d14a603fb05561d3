/// <reference types="jest" />
import { NEED_CATEGORIES } from '@careloop/contracts';
import { CARE_PLAN_TEMPLATES, INTERVENTION_KINDS, tasksForNeed, templateFor } from './care-plan-templates';
import { routeNeed } from './routing';

const TEMPLATE_KEY = /^[A-Za-z0-9._:-]{1,64}$/;

describe('care-plan templates', () => {
  it('has exactly one template per need category', () => {
    expect(Object.keys(CARE_PLAN_TEMPLATES).sort()).toEqual([...NEED_CATEGORIES].sort());
  });

  it.each([...NEED_CATEGORIES])('%s has a coded problem, measurable goals, interventions and tasks', (category) => {
    const t = templateFor(category);
    expect(t.category).toBe(category);
    expect(t.problem.display.length).toBeGreaterThan(0);
    expect(t.problem.code.system).toMatch(/^http:\/\//);
    expect(t.problem.code.code.length).toBeGreaterThan(0);
    expect(t.goals.length).toBeGreaterThanOrEqual(1);
    for (const g of t.goals) {
      expect(g.description.length).toBeGreaterThan(0);
      expect(g.targetMeasure).toMatch(/\d/);
    }
    expect(t.interventions.length).toBeGreaterThanOrEqual(1);
    for (const i of t.interventions) expect(INTERVENTION_KINDS).toContain(i.kind);
    expect(t.tasks.length).toBeGreaterThanOrEqual(1);
    for (const task of [...t.tasks, t.urgentTask]) {
      expect(task.templateKey).toMatch(TEMPLATE_KEY);
      expect(task.ownerRole).toBe(routeNeed({ domain: 'social', category }).role);
    }
    for (const task of t.tasks) expect(task.dueInDays).toBeGreaterThan(0);
    expect(t.urgentTask.dueInDays).toBe(0);
  });

  it('every social category can be fulfilled by a community-resource referral', () => {
    for (const category of NEED_CATEGORIES) {
      if (routeNeed({ domain: 'social', category }).role !== 'case-manager') continue;
      expect(templateFor(category).interventions.some((i) => i.communityResourceReferral && i.kind === 'referral')).toBe(true);
    }
  });

  it('uses unique task template keys across the library', () => {
    const keys = NEED_CATEGORIES.flatMap((c) => [...templateFor(c).tasks, templateFor(c).urgentTask].map((t) => t.templateKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries no client data', () => {
    const text = JSON.stringify(CARE_PLAN_TEMPLATES);
    expect(text).not.toMatch(/clientId|needId|@|\+\d{7,}/);
  });

  it('adds the same-day safety check for an urgent self-harm risk', () => {
    const [first, ...rest] = tasksForNeed({ category: 'self-harm-risk', urgent: true });
    expect(first).toMatchObject({ templateKey: 'phq9-urgent-safety-check', dueInDays: 0, priority: 'urgent', ownerRole: 'care-manager' });
    expect(rest.every((t) => t.priority === 'routine')).toBe(true);
  });

  it('adds the same-day safety plan for urgent interpersonal safety, owned by the case manager', () => {
    expect(tasksForNeed({ category: 'interpersonal-safety', urgent: true })[0]).toMatchObject({
      templateKey: 'safety-plan-same-day',
      dueInDays: 0,
      priority: 'urgent',
      ownerRole: 'case-manager',
    });
  });

  it('adds no urgent task for a routine need', () => {
    expect(tasksForNeed({ category: 'food-insecurity', urgent: false }).some((t) => t.priority === 'urgent')).toBe(false);
    expect(tasksForNeed({ category: 'interpersonal-safety', urgent: false }).map((t) => t.templateKey)).not.toContain(
      'safety-plan-same-day',
    );
  });

  it('always adds the safety check for a self-harm risk, even if not flagged urgent', () => {
    expect(tasksForNeed({ category: 'self-harm-risk', urgent: false })[0]).toMatchObject({
      templateKey: 'phq9-urgent-safety-check',
      priority: 'urgent',
    });
  });
});
