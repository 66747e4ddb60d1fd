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

  // Calendar
  calendar_out_of_range: { status: 400, vi: 'Ngày "{value}" nằm ngoài khoảng lịch hỗ trợ (từ năm {min} đến năm {max}).', en: 'Date "{value}" is outside the supported calendar (years {min} to {max}).' },
  calendar_number_invalid: { status: 400, vi: '{field} "{value}" không hợp lệ: cần một số nguyên từ {min} đến {max}.', en: 'Invalid {param} "{value}": a whole number from {min} to {max} is expected.' },
  calendar_adjustment_not_found: { status: 404, vi: 'Không tìm thấy điều chỉnh lịch làm việc.', en: 'Calendar adjustment not found.' },
  calendar_adjustment_exists: { status: 409, vi: 'Ngày {date} đã có một điều chỉnh lịch; hãy xóa điều chỉnh đó trước khi nhập lại.', en: 'Day {date} already has a calendar adjustment; delete it before entering a new one.' },
  calendar_day_already_off: { status: 400, vi: 'Ngày {date} vốn đã là ngày nghỉ (thứ Bảy, Chủ nhật hoặc ngày lễ); không cần thêm.', en: 'Day {date} is already a day off (Saturday, Sunday or a holiday); nothing to add.' },
  calendar_day_already_working: { status: 400, vi: 'Ngày {date} vốn đã là ngày làm việc; chỉ ngày nghỉ mới chuyển được thành ngày làm việc.', en: 'Day {date} is already a working day; only a day off can be made a working day.' },

  // Cases
  case_not_found: { status: 404, vi: 'Không tìm thấy vụ việc.', en: 'Case not found.' },
  field_not_found: { status: 400, vi: 'Lĩnh vực "{code}" không có trong danh mục hoặc đã ngừng sử dụng.', en: 'Field "{code}" is not in the list or is no longer used.' },
  field_code_taken: { status: 409, vi: 'Mã lĩnh vực "{code}" đã có.', en: 'Field code "{code}" already exists.' },
  rule_not_found: { status: 404, vi: 'Không có quy định thời hạn "{id}".', en: 'No deadline rule "{id}".' },
  received_on_invalid: { status: 400, vi: 'Ngày nhận đơn {value} không hợp lệ: không được sau hôm nay hoặc trước đây quá một năm.', en: 'Receipt date {value} is invalid: not after today nor more than a year ago.' },
  due_in_past: { status: 400, vi: 'Hạn trả lời {value} đã qua; hãy chọn một ngày từ hôm nay trở đi.', en: 'The answer deadline {value} is in the past; choose today or later.' },
  due_not_allowed: { status: 400, vi: 'Chỉ kiến nghị, phản ánh mới được đặt hạn trả lời riêng; thời hạn khiếu nại, tố cáo do luật quy định.', en: 'Only recommendations and reflections take a custom answer deadline; complaint and denunciation deadlines are set by law.' },
  answer_not_publishable: { status: 400, vi: 'Chỉ câu trả lời kiến nghị, phản ánh mới được công khai; không công khai trả lời {kind}.', en: 'Only answers to recommendations and reflections can be published, not to a {kind}.' },
  no_receiving_unit: { status: 400, vi: 'Chưa có cơ quan nào nhận đơn trực tuyến cho địa bàn "{code}". Vui lòng gửi đơn trực tiếp hoặc qua bưu chính.', en: 'No body receives online submissions for "{code}" yet. Please send it in person or by post.' },
  consent_required: { status: 400, vi: 'Bạn cần đọc và đồng ý với thông báo về xử lý dữ liệu cá nhân trước khi gửi.', en: 'Please read and accept the personal data notice before sending.' },
  idempotency_key_required: { status: 400, vi: 'Thiếu mã gửi (Idempotency-Key). Vui lòng tải lại trang và gửi lại.', en: 'The Idempotency-Key header is missing. Reload the page and send again.' },
  idempotency_conflict: { status: 409, vi: 'Mã gửi này đã được dùng cho một nội dung khác. Vui lòng tải lại trang và gửi lại.', en: 'This Idempotency-Key was already used for different content. Reload the page and send again.' },
  too_many_files: { status: 400, vi: 'Chỉ được gửi kèm tối đa {max} tệp.', en: 'At most {max} files can be attached.' },
  tracking_not_found: { status: 404, vi: 'Không tìm thấy đơn với mã tra cứu và mã bí mật này. Vui lòng kiểm tra lại.', en: 'No submission matches this tracking code and secret. Please check them.' },
  rating_not_open: { status: 409, vi: 'Chỉ đánh giá được sau khi đơn đã được trả lời.', en: 'A rating can be given only after the answer.' },
  rating_exists: { status: 409, vi: 'Bạn đã đánh giá việc giải quyết đơn này.', en: 'You have already rated this case.' },
  open311_key_not_found: { status: 404, vi: 'Không tìm thấy khóa Open311.', en: 'Open311 key not found.' },
  complaint_needs_identity: { status: 400, vi: 'Đơn khiếu nại cần ghi rõ họ tên và địa chỉ người khiếu nại (Luật Khiếu nại 2011, Điều 8).', en: 'A complaint needs the complainant\'s name and address (Complaints Law 2011, Art. 8).' },
  denunciation_needs_identity: { status: 400, vi: 'Tố cáo cần họ tên và địa chỉ người tố cáo; đơn không rõ người gửi không được xử lý như tố cáo (Luật Tố cáo 2018, Điều 25) — có thể ghi nhận thành phản ánh.', en: 'A denunciation needs the denouncer\'s name and address; an anonymous one is not handled as a denunciation (Denunciations Law 2018, Art. 25) — record it as a reflection.' },
  mass_representatives: { status: 400, vi: 'Đoàn {count} người cử {allowed} người đại diện (Nghị định 124/2020/NĐ-CP, Điều 7).', en: 'A group of {count} sends {allowed} representatives (Decree 124/2020, Art. 7).' },
  transfer_source_required: { status: 400, vi: 'Đơn do cơ quan khác chuyển đến cần ghi tên cơ quan chuyển; các kênh khác không ghi.', en: 'A transferred petition names the transferring agency; other channels do not.' },
  transition_not_allowed: { status: 409, vi: 'Không thể thực hiện "{action}" với {kind} đang ở trạng thái "{state}".', en: '"{action}" is not possible for a {kind} in state "{state}".' },
  extension_limit: { status: 409, vi: 'Đã gia hạn đủ {max} lần; thời hạn giải quyết tố cáo không quá 90 ngày (Luật Tố cáo 2018, Điều 30).', en: 'Already extended {max} times; a denunciation takes at most 90 days (Denunciations Law 2018, Art. 30).' },
  extension_too_long: { status: 400, vi: 'Mỗi lần gia hạn không quá {max} ngày (Luật Tố cáo 2018, Điều 30).', en: 'Each extension is at most {max} days (Denunciations Law 2018, Art. 30).' },
  dialogue_required: { status: 409, vi: 'Cần tổ chức đối thoại trước khi ra quyết định giải quyết khiếu nại (Luật Khiếu nại 2011, Điều 30, 39).', en: 'A dialogue must be held before the complaint decision (Complaints Law 2011, Arts. 30, 39).' },
  denunciation_anonymous: { status: 409, vi: 'Không thể thụ lý tố cáo khi không xác định được người tố cáo (Luật Tố cáo 2018, Điều 25).', en: 'A denunciation whose denouncer is unknown cannot be accepted (Denunciations Law 2018, Art. 25).' },
  no_further_round: { status: 409, vi: 'Khiếu nại đã được giải quyết lần hai; người khiếu nại có thể khởi kiện vụ án hành chính.', en: 'The complaint has had its second round; the complainant may sue in the administrative court.' },
  appeal_outside_system: { status: 409, vi: 'Người giải quyết lần hai không thuộc hệ thống; hãy hướng dẫn người khiếu nại gửi đến cơ quan có thẩm quyền.', en: 'The second-round resolver is outside the system; guide the complainant to the competent body.' },
  event_date_invalid: { status: 400, vi: 'Ngày {value} không hợp lệ: không được sau hôm nay hoặc trước ngày nhận đơn.', en: 'Date {value} is invalid: not after today nor before the receipt date.' },
  transfer_target_required: { status: 400, vi: 'Cần chọn đúng một nơi nhận: một đơn vị trong hệ thống hoặc tên cơ quan bên ngoài.', en: 'Choose exactly one destination: a unit in the system or an outside agency.' },
  transfer_same_unit: { status: 400, vi: 'Vụ việc đang thuộc đơn vị này rồi.', en: 'The case already belongs to this unit.' },
  handler_invalid: { status: 400, vi: 'Người được giao phải là cán bộ xử lý đang hoạt động của đơn vị chịu trách nhiệm.', en: 'The assignee must be an active handler of the responsible unit.' },
  seal_key_missing: { status: 503, vi: 'Đơn vị {code} chưa có khóa niêm phong danh tính người tố cáo; quản trị viên cần tạo khóa trước.', en: 'Unit {code} has no key for sealing denouncer identities; an administrator must create one first.' },
  identity_not_sealed: { status: 404, vi: 'Vụ việc này không có thông tin người gửi được niêm phong.', en: 'This case has no sealed sender identity.' },
  attachment_type_not_allowed: { status: 415, vi: 'Chỉ nhận ảnh (JPEG, PNG, WebP), PDF hoặc Word (.docx); nội dung tệp "{name}" không thuộc các loại này.', en: 'Only images (JPEG, PNG, WebP), PDF or Word (.docx) are accepted; "{name}" is none of these.' },
  attachment_type_mismatch: { status: 415, vi: 'Tệp "{name}" có nội dung {actual}, không khớp với tên tệp.', en: 'File "{name}" holds {actual}, which does not match its name.' },
  attachment_too_large: { status: 413, vi: 'Tệp đính kèm quá lớn (tối đa {limit}).', en: 'The attachment is too large (at most {limit}).' },
  attachment_missing: { status: 400, vi: 'Chưa chọn tệp đính kèm.', en: 'No file was attached.' },
  attachment_not_found: { status: 404, vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' },
  // Reception (tiếp công dân)
  reception_schedule_not_found: { status: 404, vi: 'Không tìm thấy lịch tiếp công dân (hoặc lịch đã ngừng).', en: 'Reception schedule not found (or no longer in use).' },
  reception_booking_not_found: { status: 404, vi: 'Không tìm thấy lịch hẹn.', en: 'Booking not found.' },
  reception_visit_not_found: { status: 404, vi: 'Không tìm thấy lượt tiếp trong sổ tiếp công dân.', en: 'Register entry not found.' },
  reception_organisation_invalid: { status: 400, vi: 'Cơ quan tiếp công dân phải đang hoạt động và thuộc đơn vị đã chọn.', en: 'The receiving organisation must be active and belong to the chosen unit.' },
  reception_leader_level: { status: 400, vi: 'Lịch của Chủ tịch Ủy ban nhân dân cấp xã đặt ở đơn vị cấp xã; lịch của Chủ tịch Ủy ban nhân dân cấp tỉnh đặt ở đơn vị cấp tỉnh.', en: 'A commune chair\'s schedule belongs to a commune-level unit; a province chair\'s to a province.' },
  reception_times_invalid: { status: 400, vi: 'Giờ kết thúc phải sau giờ bắt đầu ít nhất một lượt tiếp ({minutes} phút).', en: 'The end time must be at least one slot ({minutes} minutes) after the start time.' },
  reception_validity_invalid: { status: 400, vi: 'Ngày hết hiệu lực của lịch không được trước ngày bắt đầu.', en: 'The schedule cannot end before it starts.' },
  reception_range_invalid: { status: 400, vi: 'Khoảng ngày không hợp lệ: ngày kết thúc phải từ ngày bắt đầu trở đi và không quá {max} ngày.', en: 'Invalid period: the end must not be before the start, and at most {max} days.' },
  slot_in_past: { status: 400, vi: 'Lượt tiếp này đã qua. Vui lòng chọn một lượt khác.', en: 'This slot is in the past. Please choose another one.' },
  slot_unknown: { status: 400, vi: 'Giờ đã chọn không phải là một lượt tiếp của lịch này (hoặc ngoài 30 ngày tới). Vui lòng chọn lại trong danh sách.', en: 'The chosen time is not a slot of this schedule (or beyond the next 30 days). Please choose from the list.' },
  slot_full: { status: 409, vi: 'Lượt tiếp này vừa hết chỗ. Vui lòng chọn một lượt khác.', en: 'This slot has just filled up. Please choose another one.' },
  booking_already_marked: { status: 409, vi: 'Lịch hẹn này đã được đánh dấu (đã đến hoặc không đến).', en: 'This booking has already been marked (attended or no-show).' },
  booking_not_started: { status: 409, vi: 'Chưa đến giờ hẹn: chỉ đánh dấu "không đến" sau khi lượt tiếp đã bắt đầu.', en: 'The slot has not started: mark a no-show only once it has.' },
  visit_date_invalid: { status: 400, vi: 'Ngày tiếp {value} không hợp lệ: không được sau hôm nay, trước đây quá một năm, hoặc sang năm khác của sổ.', en: 'Reception date {value} is invalid: not after today, nor more than a year ago, nor in another year of the register.' },
  visit_has_case: { status: 409, vi: 'Lượt tiếp này đã được tạo thành vụ việc; không thể từ chối tiếp.', en: 'This visit has already become a case; it cannot be refused.' },
  visit_refused: { status: 409, vi: 'Lượt tiếp này đã bị từ chối tiếp; không tạo vụ việc.', en: 'This visit was refused; no case is made from it.' },
  visit_already_refused: { status: 409, vi: 'Lượt tiếp này đã được ghi là từ chối tiếp.', en: 'This visit is already recorded as refused.' },
  visit_needs_classification: { status: 400, vi: 'Cần phân loại nội dung (kiến nghị, phản ánh, khiếu nại hoặc tố cáo) trước khi tạo vụ việc.', en: 'Classify the content (recommendation, reflection, complaint or denunciation) before making a case.' },
  refusal_notice_required: { status: 400, vi: 'Từ chối tiếp theo khoản 3 Điều 9 Luật Tiếp công dân cần số thông báo từ chối bằng văn bản của người đứng đầu (Thông tư 04/2021/TT-TTCP).', en: 'A refusal under Art. 9(3) of the Citizen Reception Law needs the number of the head\'s written refusal notice (Circular 04/2021/TT-TTCP).' },
  // Dialogue conferences (hội nghị tiếp xúc, đối thoại)
  conference_not_found: { status: 404, vi: 'Không tìm thấy hội nghị tiếp xúc, đối thoại.', en: 'Dialogue conference not found.' },
  conference_out_of_scope: { status: 403, vi: 'Đơn vị tổ chức hội nghị "{code}" nằm ngoài phạm vi bạn phụ trách.', en: 'The organising unit "{code}" is outside the units you are responsible for.' },
  conference_organisation_invalid: { status: 400, vi: 'Cơ quan, tổ chức chủ trì hội nghị phải đang hoạt động và thuộc đơn vị tổ chức.', en: 'The organising body must be active and belong to the organising unit.' },
  conference_residents_invalid: { status: 400, vi: 'Nơi có cử tri, người dân được mời phải là đơn vị đang có hiệu lực thuộc đơn vị tổ chức.', en: 'The place whose residents are invited must be a unit in force within the organising unit.' },
  conference_date_out_of_range: { status: 400, vi: 'Ngày hội nghị {value} không hợp lệ: không được trước đây quá một năm hoặc sau đây quá hai năm.', en: 'Conference date {value} is invalid: not more than a year ago nor more than two years ahead.' },
  conference_date_future: { status: 400, vi: 'Ngày {value} chưa đến: chỉ ghi kết quả của hội nghị đã diễn ra.', en: 'The date {value} has not come yet: only a conference that took place can be recorded.' },
  conference_not_planned: { status: 409, vi: 'Hội nghị này đã được ghi kết quả (đã tổ chức hoặc không tổ chức); không thể sửa kế hoạch.', en: 'This conference has already been recorded (held or not held); its plan can no longer change.' },
  recommendation_owner_invalid: { status: 400, vi: 'Kiến nghị số {seq}: cơ quan chịu trách nhiệm giải quyết phải đang hoạt động, thuộc đơn vị tổ chức hoặc cấp trên của đơn vị này.', en: 'Recommendation {seq}: the body responsible must be active and belong to the organising unit, a unit below it or a unit above it.' },
  recommendation_place_invalid: { status: 400, vi: 'Kiến nghị số {seq}: địa bàn phải là đơn vị đang có hiệu lực thuộc đơn vị tổ chức.', en: 'Recommendation {seq}: the place must be a unit in force within the organising unit.' },
  recommendation_field_invalid: { status: 400, vi: 'Kiến nghị số {seq}: lĩnh vực "{code}" không có trong danh mục hoặc đã ngừng sử dụng.', en: 'Recommendation {seq}: field "{code}" is not in the list or is no longer used.' },
  recommendation_due_in_past: { status: 400, vi: 'Kiến nghị số {seq}: hạn giải quyết {value} đã qua; hãy chọn một ngày từ hôm nay trở đi.', en: 'Recommendation {seq}: the deadline {value} is in the past; choose today or later.' },
  // Reports (báo cáo tổng kết)
  report_period_invalid: { status: 400, vi: 'Kỳ báo cáo không hợp lệ: {detail}.', en: 'Invalid report period: {detail}.' },
  report_period_too_long: { status: 400, vi: 'Kỳ báo cáo dài hơn {max} năm; hãy chọn khoảng thời gian ngắn hơn.', en: 'The report period is longer than {max} years; choose a shorter one.' },
  report_unit_not_in_force: { status: 400, vi: 'Đơn vị "{name}" không có hiệu lực trong kỳ báo cáo ({period}). Trước ngày 01/07/2025 hãy chọn tỉnh, huyện, xã theo danh mục cũ; từ ngày đó, tỉnh, xã theo danh mục mới.', en: 'Unit "{name}" is not in force during the report period ({period}). Before 1 July 2025 choose a province, district or commune of the old list; from then, of the new list.' },
  report_outside_scope: { status: 403, vi: 'Đơn vị "{name}" nằm ngoài phạm vi bạn được xem báo cáo.', en: 'Unit "{name}" is outside the units whose reports you may read.' },
  report_child_not_found: { status: 400, vi: 'Đơn vị "{code}" không phải là đơn vị trực thuộc trong báo cáo này.', en: 'Unit "{code}" is not one of the units under this report.' },
  report_level_invalid: { status: 400, vi: 'Báo cáo của đơn vị này không có cấp "{level}".', en: 'This unit\'s report has no level "{level}".' },
  // Supervision and social critique (giám sát, phản biện xã hội)
  supervision_organisation_invalid: { status: 400, vi: 'Tổ chức giám sát, phản biện phải là Ủy ban Mặt trận Tổ quốc Việt Nam hoặc một tổ chức chính trị - xã hội trực thuộc (Công đoàn, Hội Nông dân, Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh) đang hoạt động.', en: 'The supervising or critiquing organisation must be an active Fatherland Front committee or a socio-political organisation under it (Trade Union, Farmers\' Union, Youth Union, Women\'s Union, Veterans\' Association).' },
  supervision_subject_invalid: { status: 400, vi: 'Cơ quan, tổ chức chịu sự giám sát không có trong hệ thống, đã ngừng hoạt động, hoặc trùng với tổ chức giám sát.', en: 'The supervised body is not in the system, is inactive, or is the supervising organisation itself.' },
  supervision_programme_invalid: { status: 400, vi: 'Chương trình giám sát không có, hoặc không thuộc đơn vị của tổ chức giám sát.', en: 'The supervision programme does not exist or belongs to another unit.' },
  supervision_programme_year: { status: 400, vi: 'Cuộc giám sát bắt đầu ngày {value} không thuộc chương trình giám sát năm {year}.', en: 'A supervision starting on {value} does not belong to the {year} programme.' },
  supervision_dates_invalid: { status: 400, vi: 'Ngày kết thúc giám sát ({end}) không được trước ngày bắt đầu ({start}).', en: 'The supervision cannot end ({end}) before it starts ({start}).' },
  supervision_day_after_today: { status: 400, vi: 'Ngày {value} không hợp lệ: việc đã diễn ra không thể ghi ngày sau hôm nay ({max}) hoặc trước năm 2000.', en: 'Date {value} is invalid: what took place cannot be dated after today ({max}) or before 2000.' },
  supervision_day_out_of_range: { status: 400, vi: 'Ngày {value} nằm ngoài khoảng cho phép (từ {min} đến {max}).', en: 'Date {value} is outside the allowed range ({min} to {max}).' },
  supervision_visit_not_found: { status: 404, vi: 'Không tìm thấy cuộc giám sát.', en: 'Supervision not found.' },
  supervision_visit_not_planned: { status: 409, vi: 'Cuộc giám sát này {status}; chỉ cuộc giám sát đang kế hoạch mới được ghi kết quả hoặc hủy.', en: 'This supervision is no longer planned ({status}); only a planned one can be recorded or cancelled.' },
  supervision_too_old_for_cases: { status: 400, vi: 'Cuộc giám sát kết thúc ngày {value}, đã quá một năm: kiến nghị không tạo thành vụ việc mới; hãy nhập qua chức năng nhập dữ liệu các năm trước.', en: 'The supervision ended on {value}, more than a year ago: its recommendations do not become new cases; use the import of past years.' },
  critique_draft_not_found: { status: 404, vi: 'Không tìm thấy dự thảo được phản biện.', en: 'Draft under critique not found.' },
  critique_session_not_found: { status: 404, vi: 'Không tìm thấy buổi phản biện.', en: 'Critique session not found.' },
  critique_drafting_invalid: { status: 400, vi: 'Cơ quan soạn thảo không có trong hệ thống hoặc đã ngừng hoạt động.', en: 'The drafting body is not in the system or is inactive.' },
  critique_drafting_required: { status: 400, vi: 'Cần chọn cơ quan soạn thảo trong hệ thống hoặc ghi tên cơ quan soạn thảo.', en: 'Choose the drafting body in the system or write its name.' },
  critique_received_invalid: { status: 400, vi: 'Ngày nhận dự thảo {value} không hợp lệ: không được sau hôm nay hoặc trước năm 2000.', en: 'Draft receipt date {value} is invalid: not after today nor before 2000.' },
  critique_before_received: { status: 400, vi: 'Ngày phản biện {value} không được trước ngày nhận dự thảo ({received}).', en: 'The critique date {value} cannot be before the draft was received ({received}).' },
  critique_opinion_unknown: { status: 400, vi: 'Ý kiến phản biện "{id}" không thuộc dự thảo này.', en: 'Critique opinion "{id}" does not belong to this draft.' },
  critique_opinion_repeated: { status: 400, vi: 'Ý kiến số {seq} được trả lời hai lần trong cùng một lần gửi.', en: 'Opinion no. {seq} is answered twice in the same request.' },
  critique_response_before_session: { status: 400, vi: 'Ngày tiếp thu, giải trình {value} không được trước ngày phản biện ({held}).', en: 'The response date {value} cannot be before the critique ({held}).' },
  // Report exports
  report_issuer_not_allowed: { status: 403, vi: 'Chỉ lập được báo cáo nhân danh một tổ chức đang hoạt động mà bạn là thành viên hoặc thuộc phạm vi bạn được xem báo cáo.', en: 'A report can only be issued in the name of an active organisation you belong to or one within the units whose reports you may read.' },
  // Imports of past years' records
  import_file_missing: { status: 400, vi: 'Chưa chọn tệp để nhập, hoặc tệp trống.', en: 'No file was chosen, or the file is empty.' },
  import_file_type: { status: 415, vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (UTF-8); nội dung tệp "{name}" không thuộc các loại này.', en: 'Only Excel (.xlsx) or CSV (UTF-8) files are accepted; "{name}" is neither.' },
  import_file_xls: { status: 415, vi: 'Tệp "{name}" là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại thành Excel Workbook (.xlsx).', en: '"{name}" is an old Excel file (.xls); open it in Excel and save it as an Excel Workbook (.xlsx).' },
  import_file_too_large: { status: 413, vi: 'Tệp quá lớn (tối đa {limit}); hãy chia thành nhiều tệp.', en: 'The file is too large (at most {limit}); split it into several files.' },
  import_file_unreadable: { status: 400, vi: 'Không đọc được tệp "{name}": tệp bị hỏng hoặc không đúng định dạng.', en: 'Could not read "{name}": the file is damaged or not in the expected format.' },
  import_csv_encoding: { status: 400, vi: 'Tệp "{name}" không phải văn bản UTF-8 nên chữ tiếng Việt sẽ bị sai; trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)".', en: '"{name}" is not UTF-8 text, so Vietnamese letters would be wrong; in Excel save it as "CSV UTF-8 (Comma delimited)".' },
  import_csv_unknown_sheet: { status: 400, vi: 'Không nhận ra tệp CSV "{name}": dòng đầu phải là dòng tiêu đề của một trong ba mẫu Hội nghị, Kiến nghị, Giám sát.', en: 'CSV file "{name}" is not recognised: its first line must be the header of one of the three templates.' },
  import_file_empty: { status: 400, vi: 'Tệp "{name}" không có dòng dữ liệu nào trong các trang Hội nghị, Kiến nghị, Giám sát.', en: '"{name}" has no data rows in the conference, recommendation or supervision sheets.' },
  import_too_many_rows: { status: 400, vi: 'Tệp có {rows} dòng dữ liệu, quá {max} dòng của một lần nhập; hãy chia thành nhiều tệp.', en: 'The file has {rows} data rows, more than the {max} of one import; split it into several files.' },
  import_duplicate: { status: 409, vi: 'Tệp này đã được nhập cho đơn vị lúc {at} (tệp "{name}", do {by} nhập; mã lần nhập {id}); không nhập lại một tệp.', en: 'This file was already imported for the unit at {at} ("{name}", by {by}; import {id}); a file is not imported twice.' },
  import_conflict: { status: 409, vi: 'Một lần nhập khác vừa ghi cùng tệp hoặc cùng mã hội nghị; hãy kiểm tra lại tệp rồi thử lại.', en: 'Another import has just written the same file or conference codes; check the file and try again.' },
  import_rows_rejected: { status: 422, vi: 'Có {count} lỗi trong tệp; chưa có dữ liệu nào được nhập. Sửa các dòng trong báo cáo rồi nhập lại.', en: 'The file has {count} errors; nothing was imported. Fix the rows in the report and import again.' },
  import_not_found: { status: 404, vi: 'Không tìm thấy lần nhập dữ liệu.', en: 'Import not found.' },
  import_changed: { status: 409, vi: 'Không thể hoàn tác: {count} bản ghi của lần nhập này đã được sửa, đã tạo vụ việc hoặc đã có dữ liệu mới gắn vào sau khi nhập.', en: 'Cannot undo: {count} records of this import have been edited, turned into cases or added to since.' },
  import_already_undone: { status: 409, vi: 'Lần nhập này đã được hoàn tác.', en: 'This import has already been undone.' },
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
