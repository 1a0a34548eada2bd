/**
 * Resolve in a new task, so the page paints and handles input between two steps of long work.
 * A MessageChannel message is a task of its own, without the 4 ms clamp of nested timeouts.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
