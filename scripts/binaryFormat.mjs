// Reads which OS and CPU an executable is built for from its header (ELF, Mach-O,
// PE), so the release test can tell a darwin/arm64 binary from a renamed linux one.
import { closeSync, openSync, readSync } from 'node:fs';

const ELF_MACHINES = { 62: 'amd64', 183: 'arm64' };
const MACHO_CPUS = { 0x01000007: 'amd64', 0x0100000c: 'arm64' };
const PE_MACHINES = { 0x8664: 'amd64', 0xaa64: 'arm64' };

function readHead(file, bytes = 4096) {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** { os, arch } of an executable, or undefined when the header is none of the three. */
export function binaryFormat(file) {
  const head = readHead(file);
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    // ELF; byte 5 is the byte order, e_machine is at 18.
    const machine = head[5] === 2 ? head.readUInt16BE(18) : head.readUInt16LE(18);
    return { os: 'linux', arch: ELF_MACHINES[machine] ?? `elf-machine-${machine}` };
  }
  if (head.length >= 8 && head.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = head.readUInt32LE(4);
    return { os: 'darwin', arch: MACHO_CPUS[cpu] ?? `macho-cpu-${cpu}` };
  }
  if (head.length >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = head.readUInt16LE(pe + 4);
      return { os: 'windows', arch: PE_MACHINES[machine] ?? `pe-machine-${machine}` };
    }
  }
  return undefined;
}
