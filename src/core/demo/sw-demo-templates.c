/* sw-demo-templates.c — the demo branch's standard answers and
 * one-time-notification materials lists
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-demo-private.h"
#include "sw-store-templates.h"

/* The office's supervisor keeps the library. */
#define EDITOR "E003"

static const struct {
  SwTemplateKind  kind;
  const char     *matter;
  const char     *dept;
  const char     *keywords;
  const char     *body;
} templates[] = {
  { SW_TEMPLATE_ANSWER, "营业时间", NULL, "营业时间;几点;周末;节假日;上班",
    "本网点营业时间为周一至周五 9:00—17:00，周六、周日 9:00—16:00（仅办理个人业务）；"
    "法定节假日营业安排以网点公告为准。自助银行 24 小时服务。" },
  { SW_TEMPLATE_ANSWER, "跨行转账手续费", "RETAIL", "跨行;转账;手续费;汇款;收费",
    "通过手机银行、网上银行办理跨行转账免收手续费；在柜台办理的，单笔 1 万元以下每笔 2 元，"
    "1 万元至 10 万元每笔 5 元，10 万元以上每笔 10 元。" },
  { SW_TEMPLATE_ANSWER, "密码重置流程", "RETAIL", "密码;忘记密码;重置;锁定",
    "借记卡密码遗忘或锁定的，请本人携带有效身份证件和银行卡到任一网点柜台办理密码重置，"
    "当场即可设置新密码；手机银行登录密码可在登录页点击“忘记密码”自助重置。" },
  { SW_TEMPLATE_ANSWER, "存款利率查询", "RETAIL", "利率;利息;定期;活期;存款",
    "本行现行存款挂牌利率见营业大厅利率牌和手机银行“存款”页面；大额存单利率以当期发行公告为准，"
    "理财经理可为您测算到期利息。" },
  { SW_TEMPLATE_ANSWER, "手机银行限额调整", "RETAIL", "手机银行;限额;额度;转账限额",
    "手机银行转账限额可在“安全中心—限额管理”中自助下调；如需上调，请本人携带身份证件和银行卡"
    "到柜台办理，或在手机银行完成人脸识别后调整。" },
  { SW_TEMPLATE_ANSWER, "对公账户年检", "CORP", "对公;年检;企业账户;基本户",
    "对公账户已取消年检，但企业信息（法定代表人、经营范围、联系人等）发生变更的，"
    "请在 30 日内到开户网点办理变更，以免影响账户正常使用。" },
  { SW_TEMPLATE_ANSWER, "贷款进度查询", "LOAN", "贷款;进度;审批;放款",
    "个人贷款审批一般在资料齐全后 5 个工作日内完成，审批结果将以短信通知；"
    "进度可拨打信贷管理部电话 010-62751301 查询。" },
  { SW_TEMPLATE_MATERIALS, "个人账户开户所需材料", "RETAIL", "开户;开卡;办卡;新开账户",
    "本人有效身份证件原件（居民身份证；外籍人士请带护照及居留许可）\n"
    "本人实名登记的手机号码（现场接收验证码）\n"
    "能说明开户用途的材料（如工作证明、代发工资单位名称）\n"
    "未成年人开户另需：监护人身份证件、户口簿或出生证明" },
  { SW_TEMPLATE_MATERIALS, "挂失补卡", "RETAIL", "挂失;补卡;丢失;卡丢了;换卡",
    "本人有效身份证件原件\n"
    "已办理口头或电话挂失的，请带挂失时的受理编号\n"
    "正式挂失 7 日后凭身份证件到原网点领取新卡\n"
    "代办的，另需代理人身份证件和持卡人签字的授权书" },
  { SW_TEMPLATE_MATERIALS, "个人贷款申请材料", "LOAN", "贷款;房贷;车贷;消费贷;申请;提前还款",
    "借款人及配偶的有效身份证件、户口簿、结婚证（或单身声明）\n"
    "近 6 个月的收入证明或银行流水\n"
    "购房合同或购车合同、首付款凭证\n"
    "抵押物的产权证明（抵押贷款适用）\n"
    "个人信用报告查询授权书（现场签署）" },
  { SW_TEMPLATE_MATERIALS, "代发工资业务", "CORP", "代发;工资;代发工资;批量",
    "营业执照副本原件及复印件（加盖公章）\n"
    "法定代表人身份证件，经办人身份证件及授权委托书\n"
    "单位基本存款账户信息\n"
    "代发工资协议（一式两份，现场签署）\n"
    "员工名单（姓名、身份证号、银行卡号，Excel 格式）" },
  { SW_TEMPLATE_MATERIALS, "存款证明", "RETAIL", "存款证明;资信证明;出国;留学;签证",
    "存款人本人有效身份证件原件\n"
    "需开立证明的存单、存折或银行卡\n"
    "代办的，另需代理人身份证件和存款人授权书\n"
    "开立后被证明的存款在证明有效期内冻结，不能支取" },
  { SW_TEMPLATE_MATERIALS, "对公账户变更", "CORP", "对公;变更;法人变更;账户变更",
    "变更后的营业执照副本原件\n"
    "新法定代表人身份证件原件\n"
    "单位公章、财务专用章、原预留印鉴\n"
    "变更申请书（加盖公章）" },
};

gboolean
_sw_demo_put_templates (SwStore  *store,
                        GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(SwTemplate) t = sw_template_new (templates[i].kind, templates[i].matter,
                                                 templates[i].body);

      g_object_set (t, "department-code", templates[i].dept, "keywords", templates[i].keywords, NULL);
      if (!sw_store_save_template (store, t, EDITOR, error))
        return FALSE;
    }
  return TRUE;
}
