import { NeedCategory, RecipientKind } from '@careloop/contracts';

export const TEMPLATE_LANGUAGES = ['en', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const TEMPLATE_KEYS = ['case-assigned', 'task-assigned-urgent', 'referral-accepted'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/**
 * Everything a message may say. Identifiers, dates and a need category (rendered through `categoryLabel`, which hides
 * sensitive categories from client-facing text): no field can carry an answer, a score or free text about a client.
 */
export interface TemplateContext {
  readonly caseId?: string;
  readonly taskId?: string;
  readonly referralId?: string;
  /** `YYYY-MM-DD`. */
  readonly dueDate?: string;
  /** `YYYY-MM-DD`, the day the event happened. */
  readonly date?: string;
  readonly category?: NeedCategory;
}

type Variable = Exclude<keyof TemplateContext, 'category'> | 'categoryLabel';

interface LocalizedTemplate {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

interface TemplateDefinition {
  /** Who reads it: client-, family- and partner-facing text follows the minimum-necessary rule strictly. */
  readonly audience: RecipientKind;
  readonly required: readonly Variable[];
  readonly languages: Readonly<Record<TemplateLanguage, LocalizedTemplate>>;
}

// Staff messages travel by email too, so they carry references, not the client's needs: the details are behind login.
const TEMPLATES: Readonly<Record<TemplateKey, TemplateDefinition>> = {
  'case-assigned': {
    audience: 'care-team',
    required: ['caseId', 'date'],
    languages: {
      en: {
        subject: 'New case assigned: {{caseId}}',
        text: 'A case was assigned to you on {{date}}.\nCase reference: {{caseId}}\nSign in to careloop to see it.',
        html: '<p>A case was assigned to you on {{date}}.</p><p>Case reference: <strong>{{caseId}}</strong></p><p>Sign in to careloop to see it.</p>',
      },
      es: {
        subject: 'Nuevo caso asignado: {{caseId}}',
        text: 'Se le asignó un caso el {{date}}.\nReferencia del caso: {{caseId}}\nInicie sesión en careloop para verlo.',
        html: '<p>Se le asignó un caso el {{date}}.</p><p>Referencia del caso: <strong>{{caseId}}</strong></p><p>Inicie sesión en careloop para verlo.</p>',
      },
    },
  },
  'task-assigned-urgent': {
    audience: 'care-team',
    required: ['taskId', 'dueDate'],
    languages: {
      en: {
        subject: 'Urgent task due {{dueDate}}',
        text: 'An urgent task was assigned to you, due {{dueDate}}.\nTask reference: {{taskId}}\nOpen your careloop worklist.',
        html: '<p>An urgent task was assigned to you, due <strong>{{dueDate}}</strong>.</p><p>Task reference: {{taskId}}</p><p>Open your careloop worklist.</p>',
      },
      es: {
        subject: 'Tarea urgente para el {{dueDate}}',
        text: 'Se le asignó una tarea urgente para el {{dueDate}}.\nReferencia de la tarea: {{taskId}}\nAbra su lista de trabajo en careloop.',
        html: '<p>Se le asignó una tarea urgente para el <strong>{{dueDate}}</strong>.</p><p>Referencia de la tarea: {{taskId}}</p><p>Abra su lista de trabajo en careloop.</p>',
      },
    },
  },
  'referral-accepted': {
    audience: 'client',
    required: ['referralId', 'categoryLabel'],
    languages: {
      en: {
        subject: 'Your referral was accepted',
        text: 'Good news: an organization accepted your referral for {{categoryLabel}}.\nReference: {{referralId}}\nYour care team will be in touch about next steps.',
        html: '<p>Good news: an organization accepted your referral for {{categoryLabel}}.</p><p>Reference: {{referralId}}</p><p>Your care team will be in touch about next steps.</p>',
      },
      es: {
        subject: 'Su referido fue aceptado',
        text: 'Buenas noticias: una organización aceptó su referido para {{categoryLabel}}.\nReferencia: {{referralId}}\nSu equipo de atención se comunicará con usted sobre los próximos pasos.',
        html: '<p>Buenas noticias: una organización aceptó su referido para {{categoryLabel}}.</p><p>Referencia: {{referralId}}</p><p>Su equipo de atención se comunicará con usted sobre los próximos pasos.</p>',
      },
    },
  },
};

const CATEGORY_LABELS: Readonly<Record<NeedCategory, Record<TemplateLanguage, string>>> = {
  depression: { en: 'depression', es: 'depresión' },
  anxiety: { en: 'anxiety', es: 'ansiedad' },
  'self-harm-risk': { en: 'self-harm risk', es: 'riesgo de autolesión' },
  'mental-health': { en: 'mental health', es: 'salud mental' },
  'interpersonal-safety': { en: 'personal safety', es: 'seguridad personal' },
  'food-insecurity': { en: 'food assistance', es: 'asistencia alimentaria' },
  'housing-instability': { en: 'housing assistance', es: 'asistencia de vivienda' },
  'housing-quality': { en: 'home repairs', es: 'reparaciones del hogar' },
  transportation: { en: 'transportation', es: 'transporte' },
  utilities: { en: 'utility bills', es: 'servicios públicos' },
  legal: { en: 'legal help', es: 'ayuda legal' },
  insurance: { en: 'health coverage', es: 'cobertura de salud' },
};

/**
 * Categories a client-facing message never names: mental-health conditions (minimum necessary), and interpersonal
 * safety, because a message read by the wrong person in the household can put the client in danger.
 */
const SENSITIVE_CATEGORIES: ReadonlySet<NeedCategory> = new Set<NeedCategory>([
  'depression',
  'anxiety',
  'self-harm-risk',
  'mental-health',
  'interpersonal-safety',
]);

const GENERIC_LABEL: Record<TemplateLanguage, string> = { en: 'support services', es: 'servicios de apoyo' };

export function categoryLabel(category: NeedCategory | undefined, audience: RecipientKind, language: TemplateLanguage): string {
  if (!category) return GENERIC_LABEL[language];
  if (audience !== 'care-team' && SENSITIVE_CATEGORIES.has(category)) return GENERIC_LABEL[language];
  return CATEGORY_LABELS[category][language];
}

/** `es-MX` -> `es`; anything without a template language falls back to English. */
export function resolveLanguage(tag: string | undefined): TemplateLanguage {
  const primary = (tag ?? '').split('-')[0].toLowerCase();
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(primary) ? (primary as TemplateLanguage) : 'en';
}

export function templateAudience(key: TemplateKey): RecipientKind {
  return TEMPLATES[key].audience;
}

export interface RenderedMessage {
  readonly templateKey: TemplateKey;
  readonly language: TemplateLanguage;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A template asked for a value the context does not have: a programming error, caught by the template specs. */
export class TemplateRenderError extends Error {
  constructor(
    readonly templateKey: string,
    readonly variable: string,
  ) {
    super(`Template ${templateKey} needs ${variable}`);
    this.name = 'TemplateRenderError';
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Control characters (CR/LF above all) in a value could forge mail headers through the subject.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function substitute(template: string, values: Readonly<Record<string, string>>, key: TemplateKey, escape: boolean): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TemplateRenderError(key, name);
    const clean = value.replace(CONTROL, ' ');
    return escape ? escapeHtml(clean) : clean;
  });
}

export function renderTemplate(key: TemplateKey, language: string | undefined, context: TemplateContext): RenderedMessage {
  const definition = TEMPLATES[key];
  const lang = resolveLanguage(language);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(context)) {
    if (name !== 'category' && typeof value === 'string') values[name] = value;
  }
  values['categoryLabel'] = categoryLabel(context.category, definition.audience, lang);
  for (const name of definition.required) {
    if (values[name] === undefined) throw new TemplateRenderError(key, name);
  }
  const t = definition.languages[lang];
  return {
    templateKey: key,
    language: lang,
    subject: substitute(t.subject, values, key, false),
    text: substitute(t.text, values, key, false),
    html: substitute(t.html, values, key, true),
  };
}
