import { launch, openExtensionPage } from '../tests/e2e/harness';
const s = await launch();
const page = await openExtensionPage(s, 'popup.html');
await page.evaluate(`(async () => {
  const send = (type, payload) => chrome.runtime.sendMessage({ leadline: 'request', type, payload });
  const names = [['Maria Fernanda Rodríguez-Valenzuela', 'Allianz Global Corporate & Specialty SE'], ['Nguyễn Thị Minh Khai', 'Công ty Cổ phần Thương mại Dịch vụ Bến Thành'], ['Małgorzata Brzęczyszczykiewicz', 'Przedsiębiorstwo Handlowo-Usługowe Konstruktor'], ['Kim Lee', 'Acme Robotics'], ['王芳', '华信科技有限公司'], ['Jan Novák', 'Stavby Morava s.r.o.']];
  const stages = ['prospect','qualified','contacted','nurturing','proposal','negotiation','won'];
  let i = 0;
  for (const [name, company] of names) {
    const id = (await send('lead.capture', { name, company, source: 'manual', emails: ['p' + i + '@example.com'] })).value.lead.lead.id;
    await send('lead.move', { id, move: { to: stages[i % 7] } });
    await send('lead.update', { id, patch: { dealValue: 12500 * (i + 1), nextFollowUpOn: i % 2 ? '2026-11-20' : '2026-12-20', tags: ['enterprise', 'q4-pipeline'] } });
    i++;
  }
  const id = (await send('lead.capture', { name: 'Grace Hopper-Featherstonehaugh', company: 'Very Long Company Name International Holdings Ltd', source: 'event' })).value.lead.lead.id;
  await send('lead.move', { id, move: { to: 'lost', reason: 'chose a competitor with an existing contract' } });
  const id2 = (await send('lead.capture', { name: 'Parked Person With A Long Name', company: 'Later Corp', source: 'referral' })).value.lead.lead.id;
  await send('lead.move', { id: id2, move: { to: 'later', reengageOn: '2027-01-15' } });
})()`);
for (const view of ['board', 'table', 'duplicates', 'planner', 'data', 'settings', 'insights']) {
  const p = await openExtensionPage(s, `pipeline.html#view=${view}`);
  await p.setViewport({ width: 1280, height: 900 });
  await new Promise((r) => setTimeout(r, 1200));
  await p.screenshot({ path: `/tmp/shots/${view}.png`, fullPage: false });
  await p.close();
}
await page.setViewport({ width: 380, height: 700 });
await page.reload();
await new Promise((r) => setTimeout(r, 800));
await page.screenshot({ path: '/tmp/shots/popup.png' });
console.log(s.problems);
await s.close();
