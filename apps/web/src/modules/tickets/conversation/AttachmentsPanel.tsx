import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { alreadyShown } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { deleteAttachment, listAttachments, ticketKey, uploadAttachment } from '../core/api';
import type { Attachment } from '../core/types';

/** 1536 → "1.5 KB" (binary units, one decimal). */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Files on the ticket: upload (size and type limits are the server's), download (never inline). */
export function AttachmentsPanel({ ticketId, canWrite }: { ticketId: string; canWrite: boolean }) {
  const { t } = useTranslation(['ticketsConversation', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = [...ticketKey(ticketId), 'attachments'];
  const list = useQuery({ queryKey: key, queryFn: async () => (await listAttachments(ticketId)).items });
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(ticketId, file),
    onSuccess: async (attachment) => {
      message.success(t('attachments.uploaded', { name: attachment.fileName }));
      await queryClient.invalidateQueries({ queryKey: ticketKey(ticketId) });
    },
  });
  const remove = useMutation({
    mutationFn: (a: Attachment) => deleteAttachment(ticketId, a.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKey(ticketId) }),
  });
  const download = useMutation({
    mutationFn: (a: Attachment) => downloadFile(a.downloadUrl, a.fileName),
  });

  return (
    <div data-testid="attachments">
      {canWrite && (
        <Upload
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutateAsync(file as File).then(
              () => onSuccess?.({}),
              (error: Error) => onError?.(error),
            );
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginBottom: 12 }}>
            {t('attachments.upload')}
          </Button>
        </Upload>
      )}
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} /> }}
        columns={[
          {
            title: t('attachments.title'),
            dataIndex: 'fileName',
            render: (name: string) => (
              <span>
                <PaperClipOutlined /> {name}
              </span>
            ),
          },
          { title: t('attachments.size'), dataIndex: 'size', width: 100, render: (size: number) => formatSize(size) },
          {
            title: t('attachments.uploadedBy'),
            key: 'by',
            width: 140,
            render: (_, a) => a.uploadedBy?.displayName ?? '-',
          },
          {
            title: t('common:fields.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (at: string) => formatDateTime(at),
          },
          {
            title: t('common:fields.actions'),
            key: 'actions',
            width: 150,
            render: (_, a) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  loading={download.isPending && download.variables?.id === a.id}
                  onClick={() => download.mutate(a)}
                >
                  {t('attachments.download')}
                </Button>
                {a.canDelete && (
                  <Popconfirm
                    title={t('attachments.deleteConfirm', { name: a.fileName })}
                    onConfirm={() => remove.mutateAsync(a).catch(alreadyShown)}
                  >
                    <Button size="small" type="link" danger>
                      {t('attachments.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
