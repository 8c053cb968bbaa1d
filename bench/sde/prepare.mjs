// Makes a Vensim model that SDEverywhere's compiler accepts, by the edits it needs (it lacks LOG with a base,
// TABBED ARRAY and macros), then generates its C. Usage: node prepare.mjs MODEL.mdl OUT-DIR
// The edits keep the model's meaning: LOG(x, b) becomes LN(x)/LN(b); TABBED ARRAY(...) becomes the numeric list
// it stands for; each macro call becomes variables of its own with the caller's subscripts, as Vensim expands it.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

// The compiler calls XLSX.set_fs, which the xlsx of the npm registry (0.18.5; the compiler pins a build from
// SheetJS's own server, unreachable here) has only in its ES module: make the call conditional, once.
const helpers = path.join(path.dirname(createRequire(import.meta.url).resolve('@sdeverywhere/compile/package.json')), 'src/_shared/helpers.js')
const helpersText = fs.readFileSync(helpers, 'utf8')
if (helpersText.includes('\nXLSX.set_fs(fs)')) fs.writeFileSync(helpers, helpersText.replace('\nXLSX.set_fs(fs)', '\nXLSX.set_fs?.(fs)'))
const { parseAndGenerate } = await import('@sdeverywhere/compile')

const [, , input, outDir] = process.argv
if (!input || !outDir) {
  console.error('usage: node prepare.mjs MODEL.mdl OUT-DIR')
  process.exit(2)
}

// Per-model settings of SDEverywhere's spec (models.json): which arrays to compile element by element because
// their elements depend on one another (SDEverywhere orders whole arrays otherwise, and sees a cycle).
const settings = JSON.parse(fs.readFileSync(new URL('./models.json', import.meta.url), 'utf8'))[path.basename(input)] ?? {}

let text = fs.readFileSync(input, 'utf8').replace(/\r\n?/g, '\n')
const sketch = text.indexOf('\\\\\\---///')
let tail = ''
if (sketch >= 0) {
  tail = text.slice(sketch)
  text = text.slice(0, sketch)
}
text = text.replace(/\\\n[ \t]*/g, ' ')

const isNameChar = c => /[A-Za-z0-9_$'\u00c0-\uffff]/.test(c)

// The argument texts of the call whose '(' is at `open`, and the index just past its ')'.
function callArguments(source, open) {
  const args = []
  let depth = 0
  let start = open + 1
  for (let i = open; i < source.length; i++) {
    const c = source[i]
    if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') {
      depth--
      if (depth === 0) {
        args.push(source.slice(start, i).trim())
        return { args, end: i + 1 }
      }
    } else if (c === ',' && depth === 1) {
      args.push(source.slice(start, i).trim())
      start = i + 1
    }
  }
  throw new Error(`unbalanced call at ${source.slice(open - 30, open + 30)}`)
}

// Calls of `name` in `source` (case-insensitive, spaces and underscores alike, whole names only).
function findCalls(source, name) {
  const pattern = new RegExp(name.trim().split(/[\s_]+/).join('[\\s_]+') + '\\s*\\(', 'gi')
  const calls = []
  let match
  while ((match = pattern.exec(source)) !== null) {
    if (match.index > 0 && isNameChar(source[match.index - 1])) continue
    const open = match.index + match[0].length - 1
    const { args, end } = callArguments(source, open)
    calls.push({ start: match.index, end, args })
  }
  return calls
}

function replaceCalls(source, name, replacement) {
  for (const call of findCalls(source, name).reverse()) {
    source = source.slice(0, call.start) + replacement(call.args) + source.slice(call.end)
  }
  return source
}

// Replaces whole names (case-insensitive, spaces and underscores alike) in one pass, longest first, so a
// replacement is never searched again.
function renameAll(source, renames) {
  const key = name => name.trim().toLowerCase().split(/[\s_]+/).join(' ')
  const byKey = new Map([...renames].map(([name, to]) => [key(name), to]))
  const names = [...renames.keys()].sort((a, b) => b.length - a.length)
  const alternatives = names.map(name => name.trim().split(/[\s_]+/).map(p => p.replace(/[$]/g, '\\$')).join('[\\s_]+'))
  const pattern = new RegExp(alternatives.join('|'), 'gi')
  return source.replace(pattern, (found, offset, all) => {
    const before = offset > 0 ? all[offset - 1] : ''
    const after = all[offset + found.length] ?? ''
    return isNameChar(before) || isNameChar(after) ? found : byKey.get(key(found))
  })
}

text = replaceCalls(text, 'LOG', args => (args.length === 2 ? `(LN(${args[0]})/LN(${args[1]}))` : `LOG(${args.join(',')})`))
text = text.replace(/TABBED ARRAY\s*\(([^)]*)\)/gi, (_, body) =>
  body
    .trim()
    .split('\n')
    .map(row => row.trim().split(/\s+/).join(','))
    .join(';') + ';'
)

// SUM over a subscripted lookup called with an input (SUM(table[DIM!](x))): the compiler drops the loop, so the
// lookup's values become an auxiliary of their own, summed as a variable.
const lookupSums = []
text = text.replace(/SUM\s*\(\s*([^\[\]()]+?)\s*\[([^\]]*?)!\]\s*\(([^()]*)\)\s*\)/gi, (_, table, dim, input) => {
  const name = `${table.trim()} at input ${lookupSums.length + 1}`
  lookupSums.push(`${name}[${dim.trim()}] = ${table.trim()}[${dim.trim()}](${input})\n\t~\t\n\t~\tThe lookup's values, for SUM.\n\t`)
  return `SUM(${name}[${dim.trim()}!])`
})

const macros = []
text = text.replace(/:MACRO:\s*([^(]+)\(([^)]*)\)([\s\S]*?):END OF MACRO:/g, (_, name, params, body) => {
  const equations = body
    .split('|')
    .map(e => e.split('~')[0].trim())
    .filter(e => e.includes('='))
    .map(e => ({ lhs: e.slice(0, e.indexOf('=')).trim(), rhs: e.slice(e.indexOf('=') + 1).trim() }))
  macros.push({ name: name.trim(), params: params.split(/[,:]/).map(p => p.trim()), equations })
  return ''
})

let counter = 0
const added = []
for (const macro of macros) {
  const equations = text.split('|')
  for (let e = 0; e < equations.length; e++) {
    const formulaEnd = equations[e].indexOf('~')
    if (formulaEnd < 0) continue
    const formula = equations[e].slice(0, formulaEnd)
    const equals = formula.indexOf('=')
    if (equals < 0 || findCalls(formula.slice(equals + 1), macro.name).length === 0) continue
    const lhs = formula.slice(0, equals)
    const subscripts = /\[([^\]]*)\]/.exec(lhs)?.[1]
    const suffix = subscripts ? `[${subscripts.replace(/:EXCEPT:.*/i, '').trim()}]` : ''
    const rhs = replaceCalls(formula.slice(equals + 1), macro.name, args => {
      const k = ++counter
      const renames = new Map([
        ['Time$', 'Time'],
        ['TIME STEP$', 'TIME STEP'],
        ['INITIAL TIME$', 'INITIAL TIME'],
        ['FINAL TIME$', 'FINAL TIME']
      ])
      for (const { lhs: local } of macro.equations) renames.set(local, `${macro.name} ${k} ${local}${suffix}`)
      macro.params.forEach((param, i) => renames.set(param, `(${args[i]})`))
      for (const { lhs: local, rhs: body } of macro.equations) {
        added.push(`${macro.name} ${k} ${local}${suffix} = ${renameAll(body, renames)}\n\t~\t\n\t~\tExpanded from the macro ${macro.name}.\n\t`)
      }
      return `${macro.name} ${k} ${macro.name}${suffix}`
    })
    equations[e] = lhs + '=' + rhs + equations[e].slice(formulaEnd)
  }
  text = equations.join('|')
}
text = text.replace(/\bINIT\s*\(/g, 'INITIAL(')

const firstEquation = text.indexOf('{UTF-8}') >= 0 ? text.indexOf('{UTF-8}') + '{UTF-8}'.length : 0
text = text.slice(0, firstEquation) + '\n' + [...added, ...lookupSums].map(a => a + '|\n\n').join('') + text.slice(firstEquation) + tail

fs.mkdirSync(outDir, { recursive: true })
const edited = path.join(outDir, 'model.mdl')
fs.writeFileSync(edited, text)
await parseAndGenerate(text, 'vensim', { inputVarNames: [], outputVarNames: [], ...settings }, ['generateC'], path.dirname(path.resolve(input)), 'model', outDir)
// Arrays compiled element by element leave VECTOR SORT ORDER's result indexed by the loop variable of the
// dimension they no longer loop over ('__t1[_target[j]]' in the equation of element 0): index it by that element.
const generated = path.join(outDir, 'model.c')
const code = fs.readFileSync(generated, 'utf8').replace(
  /(\w+)\[i\]\[(\d+)\] = (__t\d+)\[(_\w+)\[j\]\];/g,
  (_, target, element, sorted, dim) => `${target}[i][${element}] = ${sorted}[${dim}[${element}]];`
)
fs.writeFileSync(generated, code)
console.error(`${path.basename(input)}: ${counter} macro calls expanded; C in ${generated}`)
