/**
 * The loopback receiver's own process, started by `startLoopbackReceiver()`: a separate process,
 * so that `@sentry/node` instrumenting the test process never traces the receiver's requests.
 * It is driven over IPC and exits when its parent goes away. Not an API: importing it does nothing.
 */
import { RECEIVER_PORT_VARIABLE, type ReceiverCommand, type ReceiverMessage } from './receiver-protocol.js';
import { createReceiverServer } from './receiver-server.js';

function tell(message: ReceiverMessage, then?: () => void): void {
  if (process.connected) process.send?.(message, () => then?.());
  else then?.();
}

function main(port: number): void {
  const receiver = createReceiverServer(() => tell({ type: 'received' }));

  const run = async (message: ReceiverCommand): Promise<unknown> => {
    switch (message.command) {
      case 'envelopes':
        return receiver.envelopes();
      case 'rejected':
        return receiver.rejected();
      case 'reset':
        return receiver.reset();
      case 'respondWith':
        return receiver.respondWith(message.response);
      case 'stop':
        return receiver.stop();
      case 'restart':
        return receiver.restart();
    }
  };

  process.on('message', (message: ReceiverCommand) => {
    run(message).then(
      (result) => tell({ type: 'reply', id: message.id, result }),
      (error: unknown) => tell({ type: 'reply', id: message.id, error: String(error) }),
    );
  });
  // The parent is gone (even if it was killed): never outlive it.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));

  receiver.listen(port).then(
    (listening) => tell({ type: 'listening', port: listening }),
    (error: unknown) => {
      tell({ type: 'failed', error: String(error) }, () => process.exit(1));
    },
  );
}

const port = process.env[RECEIVER_PORT_VARIABLE];
if (port !== undefined && process.send) main(Number(port));
