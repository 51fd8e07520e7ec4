import { useParams } from 'react-router';
import { PublicLayout } from '../announcements/public-layout';
import { ChatWidget } from './chat-widget';

/** The region's public chat page (`/chat/:regionId`), a frame for the widget other public pages can embed. */
export function ChatPage() {
  const { regionId = '' } = useParams();
  return (
    <PublicLayout>
      <ChatWidget regionId={regionId} />
    </PublicLayout>
  );
}
