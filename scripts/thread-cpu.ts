// CPU time of this process by thread name, from /proc/self/task (Linux): which threads did the
// work of a phase of a benchmark (the JavaScript thread, V8's helpers, the engine's pools, ...).
import { readdirSync, readFileSync } from 'node:fs';

export type ThreadCpu = Map<string, number>; // thread name -> CPU seconds

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

export function threadCpu(): ThreadCpu {
  const byName: ThreadCpu = new Map();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return byName; // not Linux: no breakdown
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The name is in parentheses and may hold spaces; the fields after it are fixed.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
      const group = tid === String(process.pid) ? 'JavaScript (main thread)' : name.replace(/[-_:]?\d+$/, '');
      byName.set(group, (byName.get(group) ?? 0) + seconds);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return byName;
}

/** CPU seconds per thread group between two snapshots, largest first (threads that ended are lost). */
export function threadCpuSince(before: ThreadCpu, after: ThreadCpu = threadCpu()): [string, number][] {
  return [...after]
    .map(([name, s]): [string, number] => [name, +(s - (before.get(name) ?? 0)).toFixed(2)])
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1]);
}
