import { LIMITS } from '../config/limits.js';
import { RATING_MAX } from '../config/semantic.js';

type JsonSchema = { [key: string]: unknown };

/**
 * The checks `validateConfig` makes beyond the zod shape that a JSON Schema can still say, so
 * an editor flags them as the SDK would (issue 11, item 5). What no JSON Schema can say
 * (uniqueness, references between ids, order, regex safety, total size, depth) stays in the
 * validator alone; `test/config/schema-agreement.test.ts` lists those kinds.
 */
export function addConstraints(schema: JsonSchema): void {
  const defs = schema.$defs as Record<string, JsonSchema>;
  constrainOperators(defs.Operators!);
  // `count`, `withinDays` and `where` describe an event: alone they are an error.
  defs.Condition!.dependentRequired = { count: ['event'], withinDays: ['event'], where: ['event'] };
  const prompts = (defs.Prompt!.oneOf ?? defs.Prompt!.anyOf) as JsonSchema[];
  const rating = prompts.find((variant) => (variant.properties as Record<string, JsonSchema>).kind?.const === 'rating');
  if (rating) rating.allOf = ratingRules();
  // Once, beside the kinds: every kind's prompt shares them.
  defs.Prompt!.allOf = placementRules();
  constrainSurveyQuestions(defs.SurveyQuestion!);
  forEachNode(schema, (node) => {
    // A map (`{ locale: text }`, `where`, `trait`…): bounded keys, and never `__proto__`.
    if (typeof node.additionalProperties === 'object' && node.propertyNames) {
      node.propertyNames = { type: 'string', maxLength: LIMITS.keyChars, not: { const: '__proto__' } };
      node.maxProperties = LIMITS.mapKeys;
    }
  });
}

function constrainOperators(operators: JsonSchema) {
  const properties = operators.properties as Record<string, JsonSchema>;
  const description = (name: string) => properties[name]!.description;
  properties.regex = { type: 'string', maxLength: LIMITS.textChars, format: 'regex', description: description('regex') };
  // JavaScript's flags, each at most once, and never `u` with `v`.
  properties.flags = { type: 'string', pattern: '^(?!.*(.).*\\1)(?!.*u.*v)(?!.*v.*u)[dgimsuvy]*$', description: description('flags') };
  operators.minProperties = 1;
  operators.dependentRequired = { flags: ['regex'] };
}

/**
 * What a placement needs: `inline` a `target`, `tab` a `tabLabel`; every prompt but a tab a
 * `trigger` (the visitor opens a tab).
 */
function placementRules(): JsonSchema[] {
  const placementIs = (placement: string) => ({
    type: 'object',
    properties: { presentation: { type: 'object', properties: { placement: { const: placement } }, required: ['placement'] } },
    required: ['presentation'],
  });
  const presentationNeeds = (key: string) => ({
    type: 'object',
    properties: { presentation: { type: 'object', properties: { [key]: {} }, required: [key] } },
  });
  return [
    { if: { not: placementIs('tab') }, then: { type: 'object', properties: { trigger: {} }, required: ['trigger'] } },
    { if: placementIs('inline'), then: presentationNeeds('target') },
    { if: placementIs('tab'), then: presentationNeeds('tabLabel') },
  ];
}

/** `max` per scale (stars 3–10, thumbs 2), and follow-up bounds within 1…max (default 5, thumbs 2). */
function ratingRules(): JsonSchema[] {
  const scaleIs = (scale: string) => ({ properties: { scale: { const: scale } }, required: ['scale'] });
  const maxWithin = ([low, high]: [number, number]) => ({ properties: { max: { type: 'integer', minimum: low, maximum: high } } });
  const followUpWithin = (top: number) => {
    const bound = { type: 'number', minimum: 1, maximum: top };
    const followUp = { type: 'object', properties: { below: bound, above: bound } };
    return { properties: { content: { type: 'object', properties: { followUp } } } };
  };
  const hasMax = { properties: { max: {} }, required: ['max'] };
  const hasScale = { properties: { scale: {} }, required: ['scale'] };
  const rules: JsonSchema[] = Object.entries(RATING_MAX).map(([scale, range]) => ({ if: scaleIs(scale), then: maxWithin(range) }));
  // Without a scale, the prompt shows stars.
  rules.push({ if: { not: hasScale }, then: maxWithin(RATING_MAX.stars!) });
  for (let top = 2; top <= RATING_MAX.stars![1]; top++)
    rules.push({ if: { properties: { max: { const: top } }, required: ['max'] }, then: followUpWithin(top) });
  rules.push({ if: { allOf: [{ not: hasMax }, scaleIs('thumbs')] }, then: followUpWithin(2) });
  rules.push({ if: { allOf: [{ not: hasMax }, { not: scaleIs('thumbs') }] }, then: followUpWithin(5) });
  return rules;
}

/**
 * The `next` keys a survey question can match, by its type: a score or range on its scale
 * (nps 0–10, rating 1…max), or only `"*"` (text, info); a rating's `max` per scale as for the
 * rating kind. Choice labels and targets are the config's own: the validator alone checks them.
 */
function constrainSurveyQuestions(question: JsonSchema): void {
  for (const variant of (question.oneOf ?? question.anyOf) as JsonSchema[]) {
    const properties = variant.properties as Record<string, JsonSchema>;
    const type = properties.type?.const;
    if (type === 'nps') properties.next = { ...properties.next, ...nextKeys(0, 10) };
    if (type === 'text' || type === 'info') properties.next = { ...properties.next, type: 'object', propertyNames: { const: '*' } };
    if (type === 'rating') variant.allOf = surveyRatingRules();
  }
}

/**
 * A `next` whose keys are `"*"`, a score or a range within low…high, its low end first
 * (leading zeros as the validator reads them).
 */
function nextKeys(low: number, high: number): JsonSchema {
  const from = (start: number) => `0*(?:${Array.from({ length: high - start + 1 }, (_, index) => start + index).join('|')})`;
  const ranges = Array.from({ length: high - low + 1 }, (_, index) => `0*${low + index}-${from(low + index)}`).join('|');
  return { type: 'object', propertyNames: { pattern: `^(?:\\*|${from(low)}|${ranges})$` } };
}

/** A rating question: `max` per scale, and `next` keys within 1…max (thumbs 2, default 5). */
function surveyRatingRules(): JsonSchema[] {
  const scaleIs = (scale: string) => ({ properties: { scale: { const: scale } }, required: ['scale'] });
  const hasScale = { properties: { scale: {} }, required: ['scale'] };
  const hasMax = { properties: { max: {} }, required: ['max'] };
  const maxWithin = ([low, high]: [number, number]) => ({ properties: { max: { type: 'integer', minimum: low, maximum: high } } });
  const keysWithin = (top: number) => ({ properties: { next: nextKeys(1, top) } });
  const rules: JsonSchema[] = Object.entries(RATING_MAX).map(([scale, range]) => ({ if: scaleIs(scale), then: maxWithin(range) }));
  rules.push({ if: { not: hasScale }, then: maxWithin(RATING_MAX.stars!) });
  rules.push({ if: scaleIs('thumbs'), then: keysWithin(2) });
  for (let top = 3; top <= RATING_MAX.stars![1]; top++)
    rules.push({ if: { allOf: [{ properties: { max: { const: top } }, required: ['max'] }, { not: scaleIs('thumbs') }] }, then: keysWithin(top) });
  rules.push({ if: { allOf: [{ not: hasMax }, { not: scaleIs('thumbs') }] }, then: keysWithin(5) });
  return rules;
}

function forEachNode(node: unknown, visit: (node: JsonSchema) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) forEachNode(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  visit(node as JsonSchema);
  for (const value of Object.values(node)) forEachNode(value, visit);
}
