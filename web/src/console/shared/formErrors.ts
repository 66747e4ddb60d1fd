// Puts the server's per-field errors (problem+json `errors[]`) under the matching antd form fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import type { FieldError } from '../../api/client.ts';

type NamePath = (string | number)[];

/** 'memberships[0].role', 'memberships.0.role' and '/memberships/0/role' all become ['memberships', 0, 'role']. */
export function toNamePath(field: string): NamePath {
  return field
    .split(/[.[\]/]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const sameName = (a: NamePath, b: NamePath) => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * Shows each field error under its field and returns the errors no field of this form could show,
 * so the caller can list them above the form instead of losing them.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const known = form.getFieldsError().map((entry) => entry.name as NamePath);
  const shown: { name: NamePath; errors: string[] }[] = [];
  const leftover: FieldError[] = [];
  for (const fieldError of error.errors) {
    const name = toNamePath(fieldError.field);
    if (known.some((k) => sameName(k, name))) {
      const existing = shown.find((s) => sameName(s.name, name));
      if (existing) existing.errors.push(fieldError.message);
      else shown.push({ name, errors: [fieldError.message] });
    } else {
      leftover.push(fieldError);
    }
  }
  form.setFields(shown);
  return leftover;
}
