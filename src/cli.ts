// Command line for operators: migrate, import the unit lists, create the first administrator.
//   npm run cli -- migrate
//   npm run cli -- import-units
//   npm run cli -- create-admin --username quantri --full-name "Nguyễn Văn A"   (password: prompt, or ADMIN_PASSWORD)
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { importUnits } from './modules/units/index.ts';
import { createFirstAdmin } from './modules/accounts/index.ts';
import { messageFor } from './platform/errors.ts';

const USAGE = `Cách dùng:
  npm run cli -- migrate                     áp dụng migration còn thiếu
  npm run cli -- import-units                nạp danh mục đơn vị hành chính còn thiếu
  npm run cli -- create-admin --username U --full-name "Họ tên"
                                             tạo quản trị viên trung ương đầu tiên
                                             (mật khẩu: biến ADMIN_PASSWORD hoặc nhập khi được hỏi)`;

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0];
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Mật khẩu (ít nhất 10 ký tự, có chữ và số): ');
  rl.close();
  return answer;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { username: { type: 'string' }, 'full-name': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const command = positionals[0];
if (!command || values.help) {
  console.log(USAGE);
  process.exit(command ? 0 : 1);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
let code = 0;
try {
  if (command === 'migrate') {
    const applied = await migrate(database);
    console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
  } else if (command === 'import-units') {
    await migrate(database);
    const steps = await importUnits(database);
    console.log(steps.length ? steps.map((s) => `Đã nhập "${s.step}": ${s.rows} dòng`).join('\n') : 'Danh mục đơn vị hành chính đã đầy đủ.');
  } else if (command === 'create-admin') {
    if (!values.username || !values['full-name']) throw new Error(`Thiếu --username hoặc --full-name.\n${USAGE}`);
    await migrate(database);
    await importUnits(database);
    const result = await createFirstAdmin({ database, config }, { username: values.username, fullName: values['full-name'].normalize('NFC'), password: await askPassword() });
    if (result.ok) console.log(`Đã tạo quản trị viên "${result.value.username}" (phạm vi: toàn quốc). Hãy đăng nhập tại /console/.`);
    else { console.error(messageFor(result.reason, 'vi', result.vars)); code = 2; }
  } else {
    console.error(`Lệnh không rõ: ${command}\n${USAGE}`);
    code = 1;
  }
} catch (err) {
  console.error((err as Error).message);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
