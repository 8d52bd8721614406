import * as z from 'zod/mini';
import { Condition, Operators } from '../config/condition-schema.js';
import { Prompt } from '../config/prompts.js';
import { ConfigSchema } from '../config/schema.js';
import { Text } from '../config/text.js';
import { FIELD_DESCRIPTIONS } from './field-descriptions.js';
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
  named.add(Condition, { id: 'Condition' }).add(Operators, { id: 'Operators' }).add(Text, { id: 'Text' }).add(Prompt, { id: 'Prompt' });
  const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', metadata: named, reused: 'ref' }) as JsonSchema;
  schema.$id = 'https://waymark.dev/schema/v1/waymark.schema.json';
  schema.title = 'Waymark config';
  schema.description = 'Marketer-written rules for Waymark: journey stages, prompts, rewards, limits and theme.';
  addConstraints(schema);
  describe(schema);
  return schema;
}

function describe(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) describe(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as JsonSchema;
  const properties = record.properties as Record<string, JsonSchema> | undefined;
  if (properties) {
    for (const [name, property] of Object.entries(properties)) {
      const description = FIELD_DESCRIPTIONS[name];
      if (description && typeof property === 'object' && !property.description) property.description = description;
    }
  }
  for (const value of Object.values(record)) describe(value);
}
