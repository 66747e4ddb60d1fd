// Errors: one table of stable codes with their HTTP status and Vietnamese/English messages, and the error class.

export type Lang = 'vi' | 'en';

interface ErrorDef { status: number; vi: string; en: string }

/** Every error a client can receive. Messages may hold {placeholders} filled from the error's vars. */
export const ERRORS = {
  validation_failed: { status: 400, vi: 'Dữ liệu gửi lên chưa hợp lệ.', en: 'The submitted data is not valid.' },
  invalid_json: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, vi: 'Kiểu nội dung không được hỗ trợ; hãy gửi JSON.', en: 'Unsupported content type; send JSON.' },
  payload_too_large: { status: 413, vi: 'Nội dung gửi lên quá lớn (tối đa {limit}).', en: 'The request body is too large (at most {limit}).' },
  not_found: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'The requested address does not exist.' },
  method_not_allowed: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  rate_limited: { status: 429, vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau {after}.', en: 'Too many requests. Please try again in {after}.' },
  unauthenticated: { status: 401, vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'Please sign in to continue.' },
  forbidden: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  outside_scope: { status: 403, vi: 'Bản ghi này nằm ngoài phạm vi đơn vị bạn phụ trách.', en: 'This record is outside the units you are responsible for.' },
  internal_error: { status: 500, vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', en: 'Something went wrong on our side. Please try again later.' },
  service_unavailable: { status: 503, vi: 'Hệ thống tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },

  unit_not_found: { status: 404, vi: 'Không tìm thấy đơn vị hành chính có mã "{code}".', en: 'No administrative unit has code "{code}".' },
  invalid_date: { status: 400, vi: 'Ngày không hợp lệ: "{value}" (định dạng YYYY-MM-DD).', en: 'Invalid date: "{value}" (format YYYY-MM-DD).' },

  organisation_not_found: { status: 404, vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' },
  organisation_parent_invalid: { status: 400, vi: 'Tổ chức cấp trên phải đang hoạt động và thuộc cùng đơn vị hành chính.', en: 'The parent organisation must be active and in the same administrative unit.' },
  organisation_name_taken: { status: 409, vi: 'Đã có tổ chức cùng tên ở vị trí này.', en: 'An organisation with this name already exists here.' },
  organisation_inactive: { status: 409, vi: 'Tổ chức đã ngừng hoạt động.', en: 'The organisation is inactive.' },
  organisation_has_active_children: { status: 409, vi: 'Cần cho ngừng hoạt động các tổ chức trực thuộc trước.', en: 'Deactivate the organisations under it first.' },
  unit_not_in_force: { status: 400, vi: 'Đơn vị hành chính "{code}" không còn hiệu lực.', en: 'Administrative unit "{code}" is no longer in force.' },

  invalid_credentials: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  account_locked: { status: 429, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {until}.', en: 'The account is locked after repeated failed sign-ins. Try again after {until}.' },
  account_inactive: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  wrong_password: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  weak_password: { status: 400, vi: 'Mật khẩu cần ít nhất {min} ký tự, có cả chữ và số, và khác tên đăng nhập.', en: 'The password needs at least {min} characters, letters and digits, and must differ from the username.' },
  account_not_found: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  username_taken: { status: 409, vi: 'Tên đăng nhập "{username}" đã được dùng.', en: 'Username "{username}" is already taken.' },
  cannot_change_self: { status: 409, vi: 'Bạn không thể tự khóa hoặc tự thay đổi vai trò của chính mình.', en: 'You cannot deactivate yourself or change your own roles.' },
  membership_required: { status: 400, vi: 'Tài khoản cần thuộc ít nhất một tổ chức.', en: 'An account needs at least one membership.' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError { field: string; code: string; message: string }

/** An error that reaches the client with its code; expected failures of use cases are mapped to these in routes. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly vars: Record<string, string | number>;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, vars: Record<string, string | number> = {}, fields?: FieldError[]) {
    super(code);
    this.code = code;
    this.status = ERRORS[code].status;
    this.vars = vars;
    this.fields = fields;
  }
}

export function messageFor(code: ErrorCode, lang: Lang, vars: Record<string, string | number> = {}): string {
  return ERRORS[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** The problem+json body (RFC 9457) every error response carries. */
export function problemBody(code: ErrorCode, lang: Lang, vars: Record<string, string | number> = {}, fields?: FieldError[]) {
  const status = ERRORS[code].status;
  return {
    type: `urn:caunoi:error:${code}`,
    title: messageFor(code, lang, vars),
    status,
    code,
    detail: messageFor(code, lang, vars),
    ...(fields && fields.length > 0 ? { errors: fields } : {}),
  };
}
