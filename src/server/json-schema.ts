import * as z from 'zod/mini';
import { Condition, Operators } from '../config/condition-schema.js';
import { Prompt } from '../config/prompts.js';
import { QuizQuestion } from '../config/quiz.js';
import { SurveyContent, SurveyQuestion } from '../config/survey.js';
import { ConfigSchema } from '../config/schema.js';
import { Text } from '../config/text.js';
import { FIELD_DESCRIPTIONS } from './field-descriptions.js';
import { QUESTION_FIELD_DESCRIPTIONS } from './question-field-descriptions.js';
import { addConstraints } from './schema-constraints.js';

type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema of the marketer config, generated from the same zod schema the SDK
 * validates with, so editors autocomplete exactly what the SDK accepts. Descriptions live
 * here (server side) to keep their bytes out of the browser bundle.
 */
export function configJsonSchema(): JsonSchema {
  // Named definitions keep the recursive condition grammar one $ref instead of inlined copies.
  const named = z.registry<{ id: string }>();
  named
    .add(Condition, { id: 'Condition' })
    .add(Operators, { id: 'Operators' })
    .add(Text, { id: 'Text' })
    .add(Prompt, { id: 'Prompt' })
    .add(SurveyQuestion, { id: 'SurveyQuestion' })
    .add(SurveyContent, { id: 'SurveyContent' })
    .add(QuizQuestion, { id: 'QuizQuestion' });
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', metadata: named, reused: 'ref' }) as JsonSchema;
  schema.$id = 'https://waymark.dev/schema/v1/waymark.schema.json';
  schema.title = 'Waymark config';
  schema.description = 'Marketer-written rules for Waymark: journey stages, prompts, rewards, limits and theme.';
  addConstraints(schema);
  // A survey question's `text` or `other` means what it says there, not what a theme's or an exit survey's does.
  const defs = schema.$defs as JsonSchema | undefined;
  describe(defs?.SurveyQuestion, QUESTION_FIELD_DESCRIPTIONS);
  describe(defs?.SurveyContent, QUESTION_FIELD_DESCRIPTIONS);
  describe(defs?.QuizQuestion, QUESTION_FIELD_DESCRIPTIONS);
  describe(schema);
  return schema;
}

function describe(node: unknown, descriptions = FIELD_DESCRIPTIONS): void {
  if (Array.isArray(node)) {
    for (const item of node) describe(item, descriptions);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as JsonSchema;
  const properties = record.properties as Record<string, JsonSchema> | undefined;
  if (properties) {
    for (const [name, property] of Object.entries(properties)) {
      const description = descriptions[name];
      if (description && typeof property === 'object' && !property.description) property.description = description;
    }
  }
  for (const value of Object.values(record)) describe(value, descriptions);
}
