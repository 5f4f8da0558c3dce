// Shared by dist-check.cjs and dist-check.mjs: starts a receiver from the built package, posts an
// envelope recorded by the test transport, and prints what the receiver's process was started with.
module.exports = async function check({ createTestTransport, startLoopbackReceiver, readFileSync }) {
  const kit = createTestTransport();
  const transport = kit.transport({ url: 'https://127.0.0.1/api/1/envelope/', recordDroppedEvent() {} });
  await transport.send([{}, [[{ type: 'event' }, { message: 'from dist' }]]]);
  const receiver = await startLoopbackReceiver();
  const commandLine = readFileSync(`/proc/${receiver.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  await fetch(`${receiver.url}/api/1/envelope/`, { method: 'POST', body: kit.envelopes[0].raw });
  const events = await receiver.events();
  await receiver.close();
  process.stdout.write(
    `${JSON.stringify({ commandLine, messages: events.map((event) => event.message) })}\n`,
  );
};
