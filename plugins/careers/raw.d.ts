/** `import text from './file?raw'`: the file's text, as Vite (the Studio's bundler) provides it. */
declare module '*?raw' {
  const text: string
  export default text
}
