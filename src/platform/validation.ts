// Turns schema validation issues into per-field errors with Vietnamese or English messages.
import type { FieldError, Lang } from './errors.ts';

interface Issue { keyword: string; instancePath: string; params: Record<string, unknown> }

const MESSAGES: Record<string, { vi: string; en: string }> = {
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  invalid_type: { vi: 'Sai kiểu dữ liệu (cần {expected}).', en: 'Wrong type (expected {expected}).' },
  too_small_string: { vi: 'Cần ít nhất {minimum} ký tự.', en: 'At least {minimum} characters.' },
  too_big_string: { vi: 'Tối đa {maximum} ký tự.', en: 'At most {maximum} characters.' },
  too_small_number: { vi: 'Giá trị phải từ {minimum} trở lên.', en: 'Must be at least {minimum}.' },
  too_big_number: { vi: 'Giá trị tối đa là {maximum}.', en: 'Must be at most {maximum}.' },
  too_small_array: { vi: 'Cần ít nhất {minimum} mục.', en: 'At least {minimum} items.' },
  too_big_array: { vi: 'Tối đa {maximum} mục.', en: 'At most {maximum} items.' },
  invalid_format: { vi: 'Không đúng định dạng ({format}).', en: 'Wrong format ({format}).' },
  invalid_value: { vi: 'Giá trị không nằm trong danh sách cho phép: {values}.', en: 'Not one of the allowed values: {values}.' },
  unrecognized_key: { vi: 'Trường không được chấp nhận.', en: 'This field is not accepted.' },
  invalid: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
  markup: { vi: 'Không được chứa thẻ HTML hay mã lệnh; hãy viết văn bản thường.', en: 'HTML tags or scripts are not allowed; write plain text.' },
};

const TYPE_NAMES_VI: Record<string, string> = { string: 'chuỗi ký tự', number: 'số', int: 'số nguyên', boolean: 'đúng/sai', array: 'danh sách', object: 'đối tượng' };

function fill(template: string, vars: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** One FieldError per problem; fields are named with dots (`memberships.0.role`), prefixed by where they were sent when not the body. */
export function fieldErrors(issues: Issue[], context: string | undefined, lang: Lang): FieldError[] {
  const prefix = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const p = issue.params;
    const at = (name: string) => `${prefix}${[path, name].filter(Boolean).join('.')}` || `${prefix}(root)`.replace(/\.$/, '');
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (p.keys as string[]) ?? []) {
        out.push({ field: at(key), code: 'unrecognized_key', message: MESSAGES.unrecognized_key[lang] });
      }
      continue;
    }
    let key = issue.keyword;
    // Custom checks name their message: refine(fn, { params: { reason: 'markup' } }).
    if (key === 'custom' && typeof (p.params as Record<string, unknown> | undefined)?.reason === 'string') key = (p.params as Record<string, string>).reason;
    const vars: Record<string, unknown> = { ...p };
    if (key === 'invalid_type' && (p.input === undefined || /received undefined/.test(String(p.message ?? '')))) key = 'required';
    if (key === 'invalid_type') vars.expected = lang === 'vi' ? (TYPE_NAMES_VI[String(p.expected)] ?? p.expected) : p.expected;
    if (key === 'too_small' || key === 'too_big') {
      const origin = String(p.origin ?? 'string');
      key = `${key}_${origin === 'array' || origin === 'set' ? 'array' : origin === 'string' ? 'string' : 'number'}`;
    }
    if (key === 'invalid_value') vars.values = ((p.values as unknown[]) ?? []).join(', ');
    const template = MESSAGES[key] ?? MESSAGES.invalid;
    out.push({ field: at(''), code: key, message: fill(template[lang], vars) });
  }
  return out;
}

/** The same field errors for a schema checked in a handler (a multipart part, say) as for one checked by the route. */
export function zodFieldErrors(issues: readonly { code: string; path: PropertyKey[]; message: string }[], lang: Lang): FieldError[] {
  return fieldErrors(issues.map(({ code, path, message: _m, ...rest }) => ({
    keyword: code, instancePath: `/${path.map(String).join('/')}`, params: rest as Record<string, unknown>,
  })), 'body', lang);
}
