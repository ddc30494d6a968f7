import { randomStream } from '../random/stream.js';

/**
 * The speed reference for the benchmark: the smallest event loop of an M/M/c
 * queue we know how to write (a typed-array binary heap of departures, the
 * next arrival in a variable, a ring-buffer FIFO), with the same random
 * numbers as the engine. Returns the number of jobs and their mean wait.
 */
export function referenceMmc(c: number, lambda: number, meanService: number, jobs: number, seed: number): { jobs: number; meanWait: number } {
  const arrivals = randomStream(seed, 'reference/arrivals');
  const services = randomStream(seed, 'reference/services');
  const heap = new Float64Array(c + 1);
  let heapSize = 0;
  const queue = new Float64Array(1 << 20);
  const mask = queue.length - 1;
  let qHead = 0;
  let qLength = 0;
  let busy = 0;
  let nextArrival = -Math.log(1 - arrivals()) / lambda;
  let arrived = 0;
  let waitSum = 0;
  let started = 0;

  const push = (t: number) => {
    let i = heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= t) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const pop = () => {
    const top = heap[0];
    const last = heap[--heapSize];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heap[child + 1] < heap[child]) child++;
      if (last <= heap[child]) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return top;
  };

  while (started < jobs) {
    if (arrived < jobs && (heapSize === 0 || nextArrival < heap[0])) {
      const now = nextArrival;
      arrived++;
      nextArrival = now - Math.log(1 - arrivals()) / lambda;
      if (busy < c) {
        busy++;
        started++;
        push(now - meanService * Math.log(1 - services()));
      } else {
        if (qLength > mask) throw new RangeError('reference queue overflow');
        queue[(qHead + qLength++) & mask] = now;
      }
    } else {
      const now = pop();
      if (qLength > 0) {
        const submitted = queue[qHead];
        qHead = (qHead + 1) & mask;
        qLength--;
        waitSum += now - submitted;
        started++;
        push(now - meanService * Math.log(1 - services()));
      } else {
        busy--;
      }
    }
  }
  return { jobs: started, meanWait: waitSum / started };
}
