const express = require('express');
const { startClassRecording, stopClassRecording } = require('./recording');
const { genUserSig } = require('./usersig');

const app = express();
app.use(express.json());

const tasks = new Map();

app.get('/api/usersig', (req, res) => res.json({ userSig: genUserSig(String(req.query.userId)) }));

app.post('/api/classes/:id/start', async (req, res) => {
  const taskId = await startClassRecording(req.params.id, genUserSig('class_recorder'));
  tasks.set(req.params.id, taskId);
  res.json({ taskId });
});

app.post('/api/classes/:id/end', async (req, res) => {
  const taskId = tasks.get(req.params.id);
  if (taskId) await stopClassRecording(taskId);
  tasks.delete(req.params.id);
  res.json({ ok: true });
});

app.listen(process.env.PORT || 8080);
