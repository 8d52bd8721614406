import type * as z from 'zod/mini';
import { describeIssue } from './issues.js';
import { keysAt } from './known-keys.js';
import type { PathSegment } from './paths.js';
import { Prompt, PromptOfUnknownKind } from './prompts.js';
import { closest, didYouMean } from './suggest.js';

type Add = (path: PathSegment[], message: string) => void;
type Issue = z.core.$ZodIssue;

const KINDS = ['nps', 'rating', 'exit', 'reward'];

/**
 * Checks `input` against `schema` and words each issue for a person: unknown keys and values
 * with the closest allowed one, the problems inside the one form of a union that fits (a
 * points object, a text map), and a prompt of unknown `kind` still checked on the rest.
 * Returns the parsed value when the shape holds.
 */
export function shapeProblems<T>(schema: z.ZodMiniType<T>, input: unknown, add: Add, base: PathSegment[] = []): { ok: true; value: T } | { ok: false } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const report = (issues: readonly Issue[], at: PathSegment[]): void => {
    for (const issue of issues) {
      const relative = [...at, ...(issue.path as PathSegment[])];
      const path = [...base, ...relative];
      if (issue.code === 'unrecognized_keys') {
        const allowed = keysAt(schema, input, relative);
        for (const key of issue.keys) add([...path, key], `unknown key "${key}"${didYouMean(key, allowed)}`);
      } else if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') {
        unknownKindProblems(issue.input as Record<string, unknown>, path, add);
      } else if (issue.code === 'invalid_union') {
        const form = fittingForm(issue.errors);
        if (form) report(form, relative);
        else add(path, describeIssue(issue));
      } else if (issue.code === 'invalid_value') {
        add(
          path,
          describeIssue(issue) +
            didYouMean(
              issue.input,
              issue.values.filter((value) => typeof value === 'string'),
            ),
        );
      } else add(path, describeIssue(issue));
    }
  };
  report(result.error.issues, []);
  return { ok: false };
}

/** The issues of the one form of a union whose type the value has, if exactly one has it. */
function fittingForm(forms: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const fitting = forms.filter((issues) => !issues.some((issue) => issue.path.length === 0 && issue.code === 'invalid_type'));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** A prompt's kind matched no form: name the likely one and check the rest as that kind, or on the shared fields. */
function unknownKindProblems(prompt: Record<string, unknown>, kindPath: PathSegment[], add: Add) {
  const likely = typeof prompt.kind === 'string' ? closest(prompt.kind, KINDS) : undefined;
  add(kindPath, `expected one of ${KINDS.map((kind) => `"${kind}"`).join(', ')}${likely ? `; did you mean "${likely}"?` : ''}`);
  if (likely) shapeProblems(Prompt, { ...prompt, kind: likely }, add, kindPath.slice(0, -1));
  else shapeProblems(PromptOfUnknownKind, prompt, add, kindPath.slice(0, -1));
}
