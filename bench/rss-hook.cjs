// Preloaded into each fresh process the benchmark times: reports the process's peak RSS when it exits.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
