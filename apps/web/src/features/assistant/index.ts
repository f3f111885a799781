export { AIChat, type AIChatProps } from './components/ai-chat';
export { AssistantDrawer } from './components/assistant-drawer';
export { AssistantWorkspace } from './components/assistant-workspace';
export { useChat, type ChatController } from './hooks/use-chat';
