import { FlameColumns } from '../../shared/flameColumns';

/**
 * A call tree built by merging paths: children with the same name share one node.
 * Used by sandwich view, where many places in the frame fold into one tree.
 * Nodes are stored in flat arrays (index = node id) so a large merge stays cheap.
 */
export class MergeTree {
  readonly names: string[] = [];
  readonly value: number[] = [];
  readonly self: number[] = [];
  readonly valueRight: number[] = [];
  readonly selfRight: number[] = [];
  private readonly children: number[][] = [];
  private readonly childByName: Array<Map<string, number>> = [];

  constructor(rootName: string) {
    this.add(rootName);
  }

  /** The child of `parent` called `name`, created on first use (keeps first-seen order). */
  child(parent: number, name: string): number {
    const existing = this.childByName[parent].get(name);
    if (existing !== undefined) {
      return existing;
    }
    const id = this.add(name);
    this.children[parent].push(id);
    this.childByName[parent].set(name, id);
    return id;
  }

  /** Writes the tree in depth-first pre-order as flame graph columns, root at level 0. */
  toColumns(unit: string, withRight: boolean): FlameColumns {
    const level: number[] = [];
    const value: number[] = [];
    const self: number[] = [];
    const valueRight: number[] = [];
    const selfRight: number[] = [];
    const labels: string[] = [];
    const stack: Array<[number, number]> = [[0, 0]];
    while (stack.length > 0) {
      const [id, depth] = stack.pop()!;
      level.push(depth);
      value.push(this.value[id]);
      self.push(this.self[id]);
      valueRight.push(this.valueRight[id]);
      selfRight.push(this.selfRight[id]);
      labels.push(this.names[id]);
      const kids = this.children[id];
      for (let k = kids.length - 1; k >= 0; k--) {
        stack.push([kids[k], depth + 1]);
      }
    }
    const columns: FlameColumns = { length: level.length, level, value, self, label: (i) => labels[i], unit };
    if (withRight) {
      columns.valueRight = valueRight;
      columns.selfRight = selfRight;
    }
    return columns;
  }

  private add(name: string): number {
    const id = this.names.length;
    this.names.push(name);
    this.value.push(0);
    this.self.push(0);
    this.valueRight.push(0);
    this.selfRight.push(0);
    this.children.push([]);
    this.childByName.push(new Map());
    return id;
  }
}
