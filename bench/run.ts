// Benchmark runner placeholder: `npm run bench` (or `npm run bench -- --json`).
const json = process.argv.includes('--json');

if (json) {
  console.log(JSON.stringify({ note: 'no benchmarks yet' }));
} else {
  console.log('hnsviz bench: no benchmarks yet');
}
