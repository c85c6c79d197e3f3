/** A count with its noun, as the lists write it: "1 runbook", "1,204 runbooks". */
export function counted(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
