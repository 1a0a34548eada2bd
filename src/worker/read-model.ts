import type { Topology } from '../model/types';
import { EngineError } from './engine-error';
import type { ModelStream } from './protocol';
import { TopologyAssembler } from './topology-pieces';

/** A model `model/send` writes to the other end of `port`, read as its pieces arrive. */
export function readModel(port: MessagePort): Promise<Topology> {
  return new Promise((resolve, reject) => {
    const assembler = new TopologyAssembler();
    let count = 0;
    port.onmessage = (e: MessageEvent<ModelStream>) => {
      const m = e.data;
      if ('piece' in m) {
        assembler.add(m.piece);
        count++;
        return;
      }
      port.close();
      if ('error' in m) reject(new EngineError('E_NO_TOPOLOGY', m.error));
      else if (count !== m.parts)
        reject(new EngineError('E_INTERNAL', `${count} of the model's ${m.parts} parts came`));
      else resolve(assembler.finish(m.head));
    };
  });
}
