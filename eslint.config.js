import neostandard from 'neostandard'

export default neostandard({
  ts: true,
  ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'test-artifacts/**']
})
