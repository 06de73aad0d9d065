/** Test files: under tests/ or testing/, or named test_*.py, *_test.py, conftest.py. */
const TEST_FILE = /(^|[\\/])(tests?|testing)[\\/]|(^|[\\/])(test_[^\\/]*|[^\\/]*_test|conftest)\.py$/;

export function isTestFile(p: string): boolean {
  return TEST_FILE.test(p);
}
