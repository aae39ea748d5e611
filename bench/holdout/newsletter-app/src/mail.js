const postmark = require('postmark');

const client = new postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN);

exports.sendMagicLink = (to, link) =>
  client.sendEmailWithTemplate({
    From: 'hello@letters.test',
    To: to,
    TemplateAlias: 'magic-link',
    TemplateModel: { link, product_name: 'Letters' },
    MessageStream: 'outbound',
  });
