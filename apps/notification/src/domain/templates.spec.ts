/// <reference types="jest" />
import { NEED_CATEGORIES } from '@careloop/contracts';
import {
  TEMPLATE_KEYS,
  TEMPLATE_LANGUAGES,
  TemplateRenderError,
  categoryLabel,
  escapeHtml,
  renderTemplate,
  resolveLanguage,
  templateAudience,
} from './templates';

const full = { caseId: 'case-test-1', taskId: 'task-test-1', referralId: 'ref-test-1', dueDate: '2025-03-10', date: '2025-03-09' };

// Words that would disclose a condition, an instrument or a score, in both languages.
const CLINICAL = /depress|anxi|ansiedad|suicid|self-harm|autolesi|mental|phq|gad-|score|puntuaci|violen|abuse|abuso|safety|seguridad/i;

describe('templates', () => {
  it.each(TEMPLATE_KEYS.flatMap((k) => TEMPLATE_LANGUAGES.map((l) => [k, l] as const)))(
    '%s renders in %s with every placeholder filled',
    (key, language) => {
      const message = renderTemplate(key, language, full);
      expect(message.language).toBe(language);
      for (const part of [message.subject, message.text, message.html]) {
        expect(part.length).toBeGreaterThan(0);
        expect(part).not.toMatch(/\{\{|\}\}/);
      }
      expect(message.subject).not.toMatch(/[\r\n]/);
    },
  );

  it('renders the ids and dates it is given', () => {
    const m = renderTemplate('task-assigned-urgent', 'en', full);
    expect(m.subject).toBe('Urgent task due 2025-03-10');
    expect(m.text).toContain('task-test-1');
    expect(m.html).toContain('<strong>2025-03-10</strong>');
  });

  it('falls back to English for a language without templates, and uses the primary subtag', () => {
    expect(renderTemplate('case-assigned', 'fr', full).language).toBe('en');
    expect(renderTemplate('case-assigned', undefined, full).language).toBe('en');
    expect(renderTemplate('case-assigned', 'es-MX', full).subject).toBe('Nuevo caso asignado: case-test-1');
    expect(resolveLanguage('ES')).toBe('es');
  });

  it('refuses to render without a required value', () => {
    expect(() => renderTemplate('case-assigned', 'en', { date: '2025-03-09' })).toThrow(TemplateRenderError);
  });

  it('escapes values in the HTML part only, and strips control characters everywhere', () => {
    const m = renderTemplate('case-assigned', 'en', { ...full, caseId: '<img src=x onerror=alert(1)>\r\nBcc: x' });
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.html).not.toContain('<img');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('does not expand placeholders that arrive inside a value', () => {
    const m = renderTemplate('case-assigned', 'en', { ...full, caseId: '{{date}}' });
    expect(m.subject).toBe('New case assigned: {{date}}');
  });

  it('escapes all HTML metacharacters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it.each(NEED_CATEGORIES.flatMap((c) => TEMPLATE_LANGUAGES.map((l) => [c, l] as const)))(
    'never names a condition in client-facing text (%s, %s)',
    (category, language) => {
      for (const key of TEMPLATE_KEYS.filter((k) => templateAudience(k) !== 'care-team')) {
        const m = renderTemplate(key, language, { ...full, category });
        expect(`${m.subject} ${m.text} ${m.html}`).not.toMatch(CLINICAL);
      }
    },
  );

  it('names a social category for the client, and hides sensitive ones behind a generic label', () => {
    expect(renderTemplate('referral-accepted', 'en', { ...full, category: 'food-insecurity' }).text).toContain('food assistance');
    expect(renderTemplate('referral-accepted', 'en', { ...full, category: 'depression' }).text).toContain('support services');
    expect(renderTemplate('referral-accepted', 'es', { ...full, category: 'interpersonal-safety' }).text).toContain('servicios de apoyo');
    expect(categoryLabel('depression', 'care-team', 'en')).toBe('depression');
    expect(categoryLabel('depression', 'partner', 'en')).toBe('support services');
    expect(categoryLabel('mental-health', 'family', 'es')).toBe('servicios de apoyo');
  });

  it('has no clinical wording in any template body, whatever the audience', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const language of TEMPLATE_LANGUAGES) {
        const m = renderTemplate(key, language, full);
        expect(`${m.subject} ${m.text}`).not.toMatch(CLINICAL);
      }
    }
  });

  it('accepts only typed context fields (no scores or answers)', () => {
    // @ts-expect-error a score is not part of any message context
    const withScore = { ...full, score: 21 } satisfies Parameters<typeof renderTemplate>[2];
    expect(renderTemplate('case-assigned', 'en', withScore).text).not.toContain('21');
  });
});
