export async function benchCommand(_argv: string[]): Promise<number> { throw new Error('bench: not wired yet'); }
