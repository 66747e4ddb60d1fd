// The unit tree from VN downwards, loading children on expand and opening the branch of whatever unit is selected.
import { Spin, Tree, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Key } from 'react';
import { getUnit, getUnitChildren, rootUnitCode } from '../../api/units.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { errorMessage } from '../../shared/errors.ts';
import { isExpired, vietnameseCollator } from '../../shared/format.ts';

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  className?: string;
  children?: TreeNode[];
}

function toNode(unit: Unit): TreeNode {
  return {
    key: unit.code,
    title: unit.name,
    isLeaf: unit.level === 'commune',
    className: isExpired(unit.validTo) ? 'unit-node--expired' : undefined,
  };
}

function withChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children, isLeaf: children.length === 0 };
    if (node.children) return { ...node, children: withChildren(node.children, key, children) };
    return node;
  });
}

/** Scrolls the tree's own box (not the page) so the selected row sits in its middle. */
function centreSelectedRow(): boolean {
  const box = document.querySelector<HTMLElement>('.unit-tree');
  const row = box?.querySelector<HTMLElement>('.ant-tree-treenode-selected');
  if (!box || !row) return false;
  const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTop += offset - box.clientHeight / 2;
  return true;
}

interface UnitTreeProps {
  selected: string | null;
  /** Root-first codes of the selected unit's ancestors, to open its branch. */
  revealPath: string[];
  onSelect: (code: string) => void;
}

export function UnitTree({ selected, revealPath, onSelect }: UnitTreeProps) {
  const { t } = useI18n();
  const [treeData, setTreeData] = useState<TreeNode[]>([]);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [error, setError] = useState<unknown>(null);
  const loaded = useRef(new Set<string>());
  const pending = useRef(new Map<string, Promise<void>>());

  const loadChildren = useCallback((code: string): Promise<void> => {
    if (loaded.current.has(code)) return Promise.resolve();
    const running = pending.current.get(code);
    if (running) return running;
    const promise = getUnitChildren(code).then((units) => {
      const children = units
        .sort((a, b) => vietnameseCollator.compare(a.shortName || a.name, b.shortName || b.name))
        .map(toNode);
      loaded.current.add(code);
      setTreeData((nodes) => withChildren(nodes, code, children));
    });
    pending.current.set(code, promise);
    return promise.finally(() => pending.current.delete(code));
  }, []);

  useEffect(() => {
    getUnit(rootUnitCode)
      .then((root) => {
        setTreeData([toNode(root)]);
        return loadChildren(root.code).then(() => setExpanded((keys) => (keys.includes(root.code) ? keys : [...keys, root.code])));
      })
      .catch(setError);
  }, [loadChildren]);

  // Open every ancestor of the selected unit, one level at a time, since each level loads lazily.
  useEffect(() => {
    if (revealPath.length === 0 || treeData.length === 0) return;
    let cancelled = false;
    (async () => {
      for (const code of revealPath) {
        await loadChildren(code);
        if (cancelled) return;
      }
      setExpanded((keys) => Array.from(new Set([...keys, ...revealPath])));
      // The branch opens with an animation: centre the selected row again as it settles.
      for (const delay of [120, 350, 700]) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (cancelled) return;
        centreSelectedRow();
      }
    })().catch(setError);
    return () => {
      cancelled = true;
    };
    // treeData.length: wait for the root before revealing.
  }, [revealPath, loadChildren, treeData.length > 0]);

  if (error) return <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text>;
  if (treeData.length === 0) return <Spin />;

  return (
    <Tree
      className="unit-tree"
      data-testid="unit-tree"
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={(keys: Key[]) => setExpanded(keys)}
      loadData={(node: { key: Key }) => loadChildren(String(node.key))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys: Key[], info: { node: { key: Key } }) => onSelect(String(keys[0] ?? info.node.key))}
      showLine
      blockNode
    />
  );
}
