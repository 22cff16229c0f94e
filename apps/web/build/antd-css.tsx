/**
 * Pre-renders antd's and ProComponents' styles into one style sheet (printed on stdout), run by the
 * build (build/antd-static-css.ts) with the bundle's NODE_ENV, as antd's "whole export" describes:
 * every antd component (@ant-design/static-style-extract) and the ProComponents the app uses, inside
 * the app's own ConfigProvider theme (src/theme.ts; `--reduced-motion` for that variant). The sheet ends with cssinjs's cache-path
 * marker, so at run time antd finds each style already there and skips generating and inserting it.
 */
import {
  DrawerForm,
  ModalForm,
  PageContainer,
  ProDescriptions,
  ProForm,
  ProFormCheckbox,
  ProFormDatePicker,
  ProFormDigit,
  ProFormList,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProFormTreeSelect,
  ProLayout,
  ProTable,
} from '@ant-design/pro-components';
import { extractStyle } from '@ant-design/static-style-extract';
import { Avatar, ConfigProvider, Drawer, Dropdown, Modal, Popconfirm, Popover, Skeleton, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { appTheme } from '../src/theme';

/** What static-style-extract leaves out (overlays it cannot render) or renders without the variants we use. */
const extras = (
  <>
    <Tooltip title="t">
      <span />
    </Tooltip>
    <Popover content="p">
      <span />
    </Popover>
    <Popconfirm title="c">
      <span />
    </Popconfirm>
    <Dropdown menu={{ items: [] }}>
      <span />
    </Dropdown>
    <Modal open={false} />
    <Drawer open={false} />
    <Avatar />
    <Skeleton active />
    <Tag color="blue" />
    <Tag color="success" />
  </>
);

/**
 * The styles come in two themes: ProLayout gives its content a ConfigProvider of its own (another
 * token, other class-name hashes), so every component is rendered both outside it (the sign-in
 * redirect, loading and error pages, the side menu) and inside it (the pages).
 */
const everything = (antd: ReactNode) => (
  <>
    {antd}
    {extras}
    <ProLayout route={{ routes: [] }} location={{ pathname: '/' }}>
      <PageContainer tabList={[{ key: 'a', tab: 'a' }]}>
        {antd}
        {extras}
        <ProTable columns={[{ title: 'a', dataIndex: 'a' }]} dataSource={[]} search={{}} rowKey="a" />
        <ProForm>
          <ProFormText name="text" />
          <ProFormTextArea name="area" />
          <ProFormSelect name="select" />
          <ProFormDigit name="digit" />
          <ProFormSwitch name="switch" />
          <ProFormDatePicker name="date" />
          <ProFormRadio.Group name="radio" options={['a']} />
          <ProFormCheckbox name="check" />
          <ProFormTreeSelect name="tree" />
          <ProFormList name="list">
            <ProFormText name="item" />
          </ProFormList>
        </ProForm>
        <ProDescriptions columns={[{ title: 'a', dataIndex: 'a' }]} dataSource={{ a: 'a' }} />
        <ModalForm open={false} />
        <DrawerForm open={false} />
      </PageContainer>
    </ProLayout>
  </>
);

/** `--reduced-motion`: the theme of a browser that asks for reduced motion (other class-name hashes). */
const reducedMotion = process.argv.includes('--reduced-motion');

// Server rendering warns about layout effects it cannot run; they do not concern the styles.
console.error = () => undefined;
const css = extractStyle((node) => (
  <ConfigProvider button={{ autoInsertSpace: false }} theme={appTheme(reducedMotion)}>
    {everything(node)}
  </ConfigProvider>
));
process.stdout.write(css);
