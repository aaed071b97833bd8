/* sw-demo-text.c — the words of the demo branch: departments, people, requests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-demo-text.h"

#define LIST(name, array) const SwDemoList name = { array, G_N_ELEMENTS (array) }

const SwDemoDepartment sw_demo_departments[] = {
  { "OFFICE", "办公室", "办公楼三楼301室", "010-62751001",
    "综合协调;职责不清协调;领导交办;来信来函;信访;督办;对外联络;印章管理", "E001", "E003" },
  { "RETAIL", "个人业务部", "营业大厅一楼", "010-62751101",
    "开户;存款;取款;挂失;银行卡;密码重置;代发工资;理财;个人转账;大额存单;社保卡;境外汇款", "E006", "E007" },
  { "CORP", "公司业务部", "办公楼二楼201室", "010-62751201",
    "对公开户;单位结算;企业网银;对公贷款;票据;代发协议;回单;账户变更;销户", "E014", "E016" },
  { "LOAN", "信贷管理部", "办公楼二楼210室", "010-62751301",
    "个人住房贷款;消费贷款;经营贷款;提前还款;贷款审批;抵押;结清证明;征信;还款计划", "E020", "E021" },
  { "OPS", "运营管理部", "营业大厅二楼", "010-62751401",
    "ATM;自助设备;吞卡;长短款;账务差错;系统故障;现金;错账更正", "E025", "E026" },
  { "RISK", "风险合规部", "办公楼四楼405室", "010-62751501",
    "反洗钱;电信诈骗;账户管控;举报;合规;违规行为;风险提示;消费者权益保护", "E030", "E032" },
  { "SERVICE", "综合服务部", "营业大厅一楼大堂服务台", "010-62751600",
    "咨询;投诉;排队叫号;服务态度;建议;客户回访;适老化服务;无障碍设施;营业环境", "E033", "E034" },
  { "UNION", "工会", "办公楼三楼308室", "010-62751801",
    "首问负责制检查;职工意见;部门考核评价;劳动竞赛", "E038", "E039" },
};
const guint sw_demo_n_departments = G_N_ELEMENTS (sw_demo_departments);

#define ON  SW_AVAILABILITY_ON_DUTY
#define REG SW_STAFF_KIND_REGULAR

const SwDemoStaff sw_demo_staff[] = {
  { "E001", "王建国", "OFFICE", "行长", 9, "1995-07-03", "13801162301", SW_ROLE_HEAD, REG, ON, NULL },
  { "E002", "李秀英", "OFFICE", "副行长", 8, "1998-03-16", "13801162302", SW_ROLE_SUPERVISOR, REG, ON, NULL },
  { "E003", "张伟", "OFFICE", "办公室主任", 6, "2003-08-01", "13801162303", SW_ROLE_SUPERVISOR, REG, ON, NULL },
  { "E004", "刘洋", "OFFICE", "文秘", 2, "2019-07-08", "13801162304", SW_ROLE_STAFF, REG, ON, NULL },
  { "E005", "陈国庆", "OFFICE", "司机", 1, "2001-05-10", "13801162305", SW_ROLE_STAFF, SW_STAFF_KIND_MAINTENANCE, ON, NULL },

  { "E006", "杨丽娟", "RETAIL", "部门经理", 5, "2002-09-02", "13801162306", SW_ROLE_HEAD, REG, ON, NULL },
  { "E007", "赵磊", "RETAIL", "副经理", 4, "2008-04-01", "13801162307", SW_ROLE_STAFF, REG, ON, NULL },
  { "E008", "黄晓敏", "RETAIL", "综合柜员", 2, "2016-07-11", "13801162308", SW_ROLE_STAFF, REG, ON, NULL },
  { "E009", "周婷", "RETAIL", "综合柜员", 2, "2018-07-09", "13801162309", SW_ROLE_STAFF, REG, ON, NULL },
  { "E010", "吴昊", "RETAIL", "综合柜员", 2, "2021-07-12", "13801162310", SW_ROLE_STAFF, REG, SW_AVAILABILITY_LEAVE, "E009" },
  { "E011", "徐静", "RETAIL", "理财经理", 3, "2012-03-05", "13801162311", SW_ROLE_STAFF, REG, ON, NULL },
  { "E012", "孙浩然", "RETAIL", "个人客户经理", 3, "2014-06-16", "13801162312", SW_ROLE_STAFF, REG, ON, NULL },
  { "E013", "马晓燕", "RETAIL", "劳务派遣柜员", 1, "2024-03-01", "13801162313", SW_ROLE_STAFF, SW_STAFF_KIND_TEMPORARY, ON, NULL },

  { "E014", "朱志强", "CORP", "部门经理", 5, "1999-12-01", "13801162314", SW_ROLE_HEAD, REG, ON, NULL },
  { "E015", "胡军", "CORP", "公司客户经理", 3, "2007-05-14", "13801162315", SW_ROLE_STAFF, REG, SW_AVAILABILITY_TRIP, "E016" },
  { "E016", "郭丽", "CORP", "公司客户经理", 3, "2011-08-22", "13801162316", SW_ROLE_STAFF, REG, ON, NULL },
  { "E017", "何建华", "CORP", "公司客户经理", 3, "2013-02-25", "13801162317", SW_ROLE_STAFF, REG, ON, NULL },
  { "E018", "高鹏", "CORP", "对公开户专员", 2, "2017-07-10", "13801162318", SW_ROLE_STAFF, REG, ON, NULL },
  { "E019", "林晓", "CORP", "实习生", 1, "2024-07-01", "13801162319", SW_ROLE_STAFF, SW_STAFF_KIND_TEMPORARY, ON, NULL },

  { "E020", "罗志刚", "LOAN", "部门经理", 5, "1997-09-15", "13801162320", SW_ROLE_HEAD, REG, ON, NULL },
  { "E021", "郑海燕", "LOAN", "信贷审批岗", 4, "2005-11-07", "13801162321", SW_ROLE_STAFF, REG, ON, NULL },
  { "E022", "梁晨", "LOAN", "个贷客户经理", 3, "2015-07-13", "13801162322", SW_ROLE_STAFF, REG, SW_AVAILABILITY_MEETING, NULL },
  { "E023", "谢婷婷", "LOAN", "个贷客户经理", 3, "2019-07-15", "13801162323", SW_ROLE_STAFF, REG, ON, NULL },
  { "E024", "宋佳", "LOAN", "贷后管理岗", 2, "2020-07-06", "13801162324", SW_ROLE_STAFF, REG, ON, NULL },

  { "E025", "唐文斌", "OPS", "部门经理", 5, "2000-04-03", "13801162325", SW_ROLE_HEAD, REG, ON, NULL },
  { "E026", "韩雪", "OPS", "会计主管", 4, "2009-03-02", "13801162326", SW_ROLE_STAFF, REG, ON, NULL },
  { "E027", "冯涛", "OPS", "系统管理员", 3, "2012-10-08", "13801162327", SW_ROLE_ADMIN, REG, ON, NULL },
  { "E028", "董倩", "OPS", "运营综合岗", 2, "2018-01-15", "13801162328", SW_ROLE_STAFF, REG, ON, NULL },
  { "E029", "曹大勇", "OPS", "安保后勤", 1, "2006-06-06", "13801162329", SW_ROLE_STAFF, SW_STAFF_KIND_MAINTENANCE, ON, NULL },

  { "E030", "彭丽华", "RISK", "部门经理", 5, "2004-02-16", "13801162330", SW_ROLE_HEAD, REG, ON, NULL },
  { "E031", "曾凡", "RISK", "合规专员", 3, "2016-03-14", "13801162331", SW_ROLE_STAFF, REG, SW_AVAILABILITY_SICK, NULL },
  { "E032", "袁雨婷", "RISK", "反洗钱专员", 3, "2020-08-03", "13801162332", SW_ROLE_STAFF, REG, ON, NULL },

  { "E033", "蒋红梅", "SERVICE", "部门经理", 5, "2001-03-19", "13801162333", SW_ROLE_HEAD, REG, ON, NULL },
  { "E034", "蔡明", "SERVICE", "大堂经理", 3, "2010-07-05", "13801162334", SW_ROLE_STAFF, REG, ON, NULL },
  { "E035", "余小芳", "SERVICE", "大堂经理", 3, "2017-09-11", "13801162335", SW_ROLE_STAFF, REG, SW_AVAILABILITY_MEETING, "E034" },
  { "E036", "潘宇", "SERVICE", "客服专员", 2, "2022-07-11", "13801162336", SW_ROLE_STAFF, REG, ON, NULL },
  { "E037", "杜欣怡", "SERVICE", "大堂引导员", 1, "2023-10-09", "13801162337", SW_ROLE_STAFF, SW_STAFF_KIND_TEMPORARY, ON, NULL },

  { "E038", "叶桂兰", "UNION", "工会主席", 5, "1996-08-01", "13801162338", SW_ROLE_HEAD, REG, ON, NULL },
  { "E039", "程晓东", "UNION", "工会检查员", 3, "2010-04-12", "13801162339", SW_ROLE_INSPECTOR, REG, ON, NULL },
  { "E040", "魏敏", "UNION", "工会检查员", 3, "2014-09-01", "13801162340", SW_ROLE_INSPECTOR, REG, ON, NULL },
};
const guint sw_demo_n_staff = G_N_ELEMENTS (sw_demo_staff);

#undef ON
#undef REG

#define CONSULT SW_KIND_CONSULTATION
#define QUERY   SW_KIND_QUERY
#define BUSINESS SW_KIND_BUSINESS
#define COMPLAINT SW_KIND_COMPLAINT

const SwDemoMatter sw_demo_matters[] = {
  { CONSULT, "LOAN", "咨询个人住房贷款提前还款的手续和违约金",
    "提前还款需提前15个工作日通过手机银行或到信贷管理部预约；贷款满一年后提前还款不收取违约金。已告知预约方式和需携带的证件。",
    "借款人身份证原件;借款合同;还款账户银行卡;提前还款申请书（现场填写）" },
  { CONSULT, "RETAIL", "咨询大额存单的起存金额、期限和当前利率",
    "个人大额存单20万元起存，期限自1个月至3年共多档；已提供本周利率表，并说明可在手机银行或柜台购买。", NULL },
  { CONSULT, "RETAIL", "咨询社保卡金融功能激活需要带哪些证件",
    "本人持社保卡和身份证到任一柜台即可激活金融功能，激活后可在自助设备上修改初始密码。",
    "本人身份证原件;社保卡;他人代办时另需代办人身份证和授权委托书" },
  { CONSULT, "CORP", "咨询新成立公司开立基本存款账户的流程和时限",
    "已说明对公开户流程：预约、提交材料、双人上门核实经营场所；材料齐全时一般3个工作日内完成。",
    "营业执照正本;法定代表人身份证;经办人身份证及授权委托书;公司章程;公章、财务专用章和法定代表人名章;注册地址证明" },
  { CONSULT, "LOAN", "咨询个人经营性贷款的申请条件和最高额度",
    "已介绍经营贷款的准入条件（经营满两年、提供抵押或担保）、额度测算方式，并提供了材料清单。",
    "身份证及婚姻状况证明;营业执照;近一年经营流水;抵押物权属证明" },
  { CONSULT, "RETAIL", "咨询个人境外汇款的年度额度和手续费标准",
    "个人年度购汇便利化额度为等值5万美元；已告知汇款手续费和电报费标准，以及需提供的收款人信息。", NULL },
  { CONSULT, "SERVICE", "咨询行动不便的老人能否预约上门办理业务",
    "本行为特殊群体提供上门服务，已登记老人住址和联系电话，由大堂经理与家属预约上门时间。", NULL },
  { CONSULT, "RETAIL", "咨询子女代父母支取定期存款需要什么材料",
    "代办大额支取须存款人本人到场或提供经公证的委托书，已一次性告知全部所需材料。",
    "存款人身份证;代理人身份证;存单或存折;经公证的授权委托书;存款人无法到场的医院证明" },
  { CONSULT, "CORP", "咨询企业网银U盾证书到期后如何更新",
    "证书到期前30天可在企业网银自助更新；已过期的需经办人持单位授权书到柜台办理，已告知具体步骤。", NULL },
  { CONSULT, "LOAN", "咨询住房公积金组合贷款在本行办理的流程",
    "组合贷款须先由公积金中心审批公积金部分，商业部分由本行审批，两部分同时放款；已提供办理流程图。", NULL },
  { CONSULT, "RETAIL", "咨询手机银行转账限额如何调整",
    "已指导客户在手机银行“安全中心”调整日累计限额；超过5万元需到柜台办理U盾认证。", NULL },
  { CONSULT, "SERVICE", "咨询春节假期网点的营业安排",
    "春节假期网点安排值班营业，可办理个人现金、开卡和挂失业务；具体时间已在网点门口和公众号公告。", NULL },

  { QUERY, "RETAIL", "查询上月工资代发未到账的原因",
    "经查单位代发批次中客户户名与身份证姓名不一致被退回，已联系单位重新发送，款项已于次日到账。", NULL },
  { QUERY, "RETAIL", "查询银行卡一笔境外消费扣款的明细",
    "已调取交易明细，该笔为境外网站会员年费自动扣款，已告知客户向商户申请退款的途径。", NULL },
  { QUERY, "OPS", "查询上周柜台取款少付500元的核实结果",
    "经核对当日柜员尾箱并调阅监控录像，确认少付500元属实，已补付客户并当面致歉。", NULL },
  { QUERY, "CORP", "查询企业账户一笔跨行汇款被退回的原因",
    "经查收款行以“户名不符”退回，已告知客户核对收款人全称后重新汇款，原手续费已退还。", NULL },
  { QUERY, "LOAN", "查询房贷还款计划及剩余本金",
    "已打印还款计划表，说明剩余本金、下期还款日和利率调整日。", NULL },
  { QUERY, "RETAIL", "查询理财产品到期后资金未到账的原因",
    "该产品到期后有2个工作日清算期，资金已于第三个工作日到账，已向客户解释清算规则。", NULL },
  { QUERY, "OPS", "查询ATM取款失败但账户已扣款的处理进度",
    "经核对ATM流水和清机结果确认长款，款项已原路退回客户账户。", NULL },
  { QUERY, "CORP", "查询对公账户去年全年回单的补打方式",
    "已为客户批量补打全年回单，并告知可在企业网银自助下载电子回单。", NULL },
  { QUERY, "LOAN", "查询个人征信报告中本行贷款的还款记录是否正常",
    "经核查本行报送的还款记录均为正常，已向客户出示报送记录。", NULL },

  { BUSINESS, "RETAIL", "办理银行卡密码重置，客户未携带身份证原件",
    "客户补带身份证原件后已当场办理密码重置。",
    "本人身份证原件;银行卡;卡片遗失的须先办理挂失" },
  { BUSINESS, "RETAIL", "办理存折挂失并补办新存折",
    "已办理正式挂失，告知客户7天后凭挂失回单和身份证领取新存折。",
    "本人身份证原件;挂失申请书;原存折账号" },
  { BUSINESS, "CORP", "办理企业基本户法定代表人变更",
    "变更资料审核通过，账户信息已更新，预留印鉴同步变更。",
    "变更后的营业执照;新法定代表人身份证;市场监管部门变更登记通知书;新预留印鉴;单位授权委托书" },
  { BUSINESS, "LOAN", "办理房贷还款账户变更为本人另一张借记卡",
    "已办理还款账户变更，下期起从新卡扣款，已提醒客户保证余额充足。",
    "借款人身份证;借款合同;新还款借记卡;还款账户变更申请书" },
  { BUSINESS, "CORP", "办理单位代发工资协议签订及员工批量开卡",
    "代发协议已签订，客户经理已上门为员工批量开卡。",
    "营业执照;代发工资协议（加盖公章）;员工名单及身份证复印件;经办人授权委托书" },
  { BUSINESS, "LOAN", "办理个人贷款结清证明",
    "结清证明已开具，客户可持证明到不动产登记中心办理抵押注销。",
    "借款人身份证;借款合同;最后一期还款凭证" },
  { BUSINESS, "RETAIL", "办理老年客户定期存款到期转存为大额存单",
    "已为客户办理到期转存，并按客户意愿购买3年期大额存单。", NULL },
  { BUSINESS, "CORP", "办理对公账户销户",
    "销户资料审核通过并结清利息，账户已销户，余额已转入客户指定账户。",
    "销户申请书;营业执照;法定代表人身份证;经办人授权委托书;未使用的空白重要凭证" },
  { BUSINESS, "OPS", "办理错账更正：客户存款时账号填写错误存入他人账户",
    "经核实为客户填写账号错误，已联系收款人同意退回，款项已转回客户账户。", NULL },

  { COMPLAINT, "OPS", "投诉ATM吞卡后三天未处理",
    "经查吞卡系卡片磁条损坏所致，已为客户领回卡片并换发新卡；对处理不及时向客户致歉，今后吞卡当日即通知客户。", NULL },
  { COMPLAINT, "SERVICE", "投诉营业厅排队时间过长，只开两个窗口",
    "经核实当日两名柜员外出培训，现已调整排班，高峰时段开足四个窗口并增设弹性窗口。", NULL },
  { COMPLAINT, "RETAIL", "投诉柜员办理业务时态度冷淡、不耐烦",
    "已调阅录像核实，对当事柜员进行批评教育，由部门经理向客户当面致歉。", NULL },
  { COMPLAINT, "RETAIL", "投诉理财经理销售产品时未充分提示风险",
    "已调取双录资料复核，确认风险提示不充分，已对理财经理问责，并按规定为客户办理赎回。", NULL },
  { COMPLAINT, "LOAN", "投诉房贷审批进度缓慢，超过承诺时间未放款",
    "经查系抵押登记资料退补延误，已加快办理，贷款已于本周发放，已向客户说明原因并致歉。", NULL },
  { COMPLAINT, "SERVICE", "投诉电话咨询多次被转接仍无人解决",
    "已核实转接经过，明确由首问责任人跟踪到底，客服专员已回电解决客户问题并致歉。", NULL },
  { COMPLAINT, "OPS", "投诉自助存款机存款后未入账",
    "经清机核对确认该笔款项，已补记入客户账户，并对该台设备进行了检修。", NULL },
  { COMPLAINT, "CORP", "投诉企业网银转账多次失败，影响发放工资",
    "经排查系客户U盾证书过期，已协助更新证书并完成转账；对未提前提醒表示歉意。", NULL },
  { COMPLAINT, "SERVICE", "投诉网点门口无障碍通道被电动车占用",
    "已清理通道，安排保安定时巡查，并设置了禁停标识。", NULL },

  { SW_KIND_FAULT, "OPS", "报告大厅2号ATM屏幕黑屏无法使用",
    "厂家工程师已检修并更换显示屏，设备恢复正常使用。", NULL },
  { SW_KIND_FAULT, "OPS", "报告自助填单机打印不出凭条",
    "已更换打印纸并清理打印头，设备恢复正常。", NULL },
  { SW_KIND_FAULT, "SERVICE", "报告排队叫号机叫号声音失灵",
    "已联系厂家维修音箱，叫号系统恢复正常。", NULL },
  { SW_KIND_FAULT, "CORP", "报告企业网银登录时提示证书错误",
    "经排查系浏览器安全控件版本过低，已远程指导客户升级控件，现可正常登录。", NULL },
  { SW_KIND_FAULT, "OPS", "报告存折补登机卡纸，存折无法取出",
    "已现场取出存折交还客户，设备已修复。", NULL },
  { SW_KIND_FAULT, "SERVICE", "报告无障碍坡道扶手松动，存在安全隐患",
    "已安排维修加固扶手，并检查了其他无障碍设施。", NULL },

  { SW_KIND_SUGGESTION, "SERVICE", "建议增设老年人专用窗口并配备老花镜",
    "感谢建议。网点已设立爱心窗口，各窗口已配备老花镜和放大镜。", NULL },
  { SW_KIND_SUGGESTION, "SERVICE", "建议午间时段不要减少营业窗口",
    "已调整午间轮岗安排，保证午间至少三个窗口对外营业。", NULL },
  { SW_KIND_SUGGESTION, "RETAIL", "建议手机银行增加大字版和语音播报",
    "已将建议上报总行；手机银行“长辈版”已支持大字显示，已指导客户切换。", NULL },
  { SW_KIND_SUGGESTION, "SERVICE", "建议大堂等候区增加饮水机和手机充电设施",
    "已在等候区增设饮水机和充电桩。", NULL },
  { SW_KIND_SUGGESTION, "CORP", "建议对公开户提供材料清单样本和填写示范",
    "已制作对公开户材料一览表和填单示范，放在对公窗口并发布在公众号上。", NULL },
  { SW_KIND_SUGGESTION, "LOAN", "建议房贷提前还款预约开通线上渠道",
    "已将建议反馈总行，目前已可通过手机银行提交提前还款预约。", NULL },

  { SW_KIND_TIPOFF, "RISK", "举报有人在网点门口冒充银行工作人员推销高息理财",
    "已会同保安核查并向辖区派出所报告，在网点张贴风险提示，提醒客户谨防诈骗。", NULL },
  { SW_KIND_TIPOFF, "RISK", "举报某账户疑似被用于电信诈骗收款",
    "已按规定对该账户开展核查并采取管控措施，相关线索已移交公安机关。", NULL },
  { SW_KIND_TIPOFF, "RISK", "举报员工私下向客户推荐非本行理财产品",
    "已成立核查小组调查，对查实的违规行为将按规定严肃处理。", NULL },
  { SW_KIND_TIPOFF, "RISK", "举报有人多次在ATM前主动“帮”老人取款，形迹可疑",
    "已调阅监控并报警，加强自助区巡查，提醒老年客户保护密码。", NULL },
  { SW_KIND_TIPOFF, "RISK", "举报有人在网点内收购他人银行卡",
    "已报告公安机关，对相关客户进行风险提示，并加强开卡审核。", NULL },
};
const guint sw_demo_n_matters = G_N_ELEMENTS (sw_demo_matters);

const SwDemoOutside sw_demo_outside[] = {
  { CONSULT, "LOAN", "咨询个人征信报告中他行逾期记录的异议处理",
    "中国人民银行征信中心（或报送该记录的金融机构）", "400-810-8866" },
  { CONSULT, "RETAIL", "咨询住房公积金提取的条件和办理地点",
    "北京住房公积金管理中心", "12329" },
  { QUERY, "RETAIL", "查询医保个人账户余额和报销进度",
    "北京市医疗保障局", "12393" },
  { COMPLAINT, "RISK", "被电信诈骗转账后要求银行立即追回款项",
    "公安机关（已协助客户报警并按规定申请紧急止付）", "110；96110" },
  { CONSULT, "SERVICE", "咨询其他银行信用卡账单分期的手续费",
    "发卡银行信用卡中心", "信用卡背面的客服电话" },
  { CONSULT, "OFFICE", "咨询个人所得税专项附加扣除如何填报",
    "国家税务总局北京市海淀区税务局", "12366" },
};
const guint sw_demo_n_outside = G_N_ELEMENTS (sw_demo_outside);

const SwDemoRefusal sw_demo_refusals[] = {
  { QUERY, "RETAIL", "要求查询其配偶名下账户的交易流水",
    "依照个人金融信息保护规定，非账户本人不能查询他人账户；已说明可由账户本人办理或凭有权机关手续查询。" },
  { BUSINESS, "RETAIL", "未携带身份证要求支取现金5万元",
    "大额现金支取须核验本人有效身份证件，不符合规定无法办理；已告知携带证件后可预约办理。" },
  { BUSINESS, "CORP", "要求先开立单位账户、营业执照以后再补交",
    "单位开户须提交营业执照等证明文件，材料不齐不能开户；已一次性告知所需材料。" },
  { COMPLAINT, "RETAIL", "要求银行赔偿已到期理财产品的净值亏损",
    "经核查销售过程合规、风险已充分揭示，该产品为非保本浮动收益型，不能赔偿；已向客户耐心解释。" },
  { BUSINESS, "LOAN", "要求删除本人征信报告中真实的逾期记录",
    "该逾期记录真实准确，按《征信业管理条例》不得删除；已说明不良记录自结清之日起保存5年。" },
};
const guint sw_demo_n_refusals = G_N_ELEMENTS (sw_demo_refusals);

static const char * const visit_desks[] = { "SERVICE", "SERVICE", "RETAIL" };
LIST (sw_demo_visit_desks, visit_desks);
static const char * const phone_desks[] = { "SERVICE", "RETAIL", "CORP", "LOAN", "OPS" };
LIST (sw_demo_phone_desks, phone_desks);
static const char * const online_desks[] = { "SERVICE" };
LIST (sw_demo_online_desks, online_desks);
static const char * const paper_desks[] = { "OFFICE" };
LIST (sw_demo_paper_desks, paper_desks);
static const char * const business_departments[] = { "RETAIL", "CORP", "LOAN", "OPS", "RISK", "SERVICE" };
LIST (sw_demo_business_departments, business_departments);

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "欧阳", "上官",
};
LIST (sw_demo_surnames, surnames);

static const char * const given_names[] = {
  "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
  "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "金凤", "玉兰",
  "志强", "海燕", "淑珍", "子涵", "浩宇", "雨桐", "梓萱", "欣怡", "俊杰", "晓东", "国华",
  "宏", "鹏", "晨", "瑶", "琳", "宇", "浩", "淑华", "德明", "凤英", "振国", "思远", "佳怡",
};
LIST (sw_demo_given_names, given_names);

static const char * const companies[] = {
  "北京中关村智联科技有限公司", "北京学院路餐饮管理有限公司", "北京博雅印务有限公司",
  "北京万柳物业管理有限公司", "北京清河建材贸易有限公司", "北京上地云图信息技术有限公司",
  "北京苏州街文化传媒有限公司", "北京西三旗汽车服务有限公司", "北京五道口教育咨询有限公司",
  "北京温泉镇农业发展合作社",
};
LIST (sw_demo_companies, companies);

static const char * const work_units[] = {
  "海淀区某小学", "某高校后勤处", "某社区卫生服务中心", "某研究所", "个体工商户", "退休",
};
LIST (sw_demo_work_units, work_units);

static const char * const streets[] = {
  "北京市海淀区学院路", "北京市海淀区中关村大街", "北京市海淀区苏州街", "北京市海淀区万柳中路",
  "北京市海淀区西三旗东路", "北京市海淀区清河中街", "北京市海淀区上地十街",
};
LIST (sw_demo_streets, streets);

static const char * const notes[] = {
  "已电话联系客户，说明办理进度，客户表示理解。",
  "已调阅相关监控录像和交易流水，正在核实。",
  "已与相关部门沟通，预计按承诺时间内答复。",
  "客户来电询问进度，已告知目前办理情况。",
  "已向客户发送短信告知受理情况和承诺办结时间。",
};
LIST (sw_demo_notes, notes);

static const char * const owner_urges[] = {
  "首问责任人跟踪：客户再次来电询问进度，请承办人抓紧办理。",
  "首问责任人跟踪：请承办部门于今日内反馈办理进展。",
};
LIST (sw_demo_owner_urges, owner_urges);

static const char * const supervisor_urges[] = {
  "督办：该事项已超过承诺办结时间，请承办部门今日内答复客户。",
  "督办：请加快办理进度，并及时向首问责任人反馈。",
  "督办：客户多次催问，请部门负责人亲自过问，明日前办结。",
  "催办：转办事项超时未接收，请立即指定承办人。",
};
LIST (sw_demo_supervisor_urges, supervisor_urges);

static const char * const escalation_notes[] = {
  "客户要求赔偿，超出本人权限，提请领导审批。",
  "事项涉及多个部门且客户情绪激动，提请领导协调。",
  "客户表示将向监管部门投诉，矛盾有升级可能，报请领导处理。",
  "处理方案需突破现行规定，提请领导决定。",
};
LIST (sw_demo_escalation_notes, escalation_notes);

static const char * const decisions[] = {
  "同意按规定为客户办理，由承办人今日内落实并答复客户。",
  "请相关部门会同核查，3个工作日内答复客户，由首问责任人跟踪。",
  "经研究，按合同约定办理，由承办人向客户做好解释工作。",
  "同意给予客户适当补偿，由承办部门负责人亲自向客户致歉。",
};
LIST (sw_demo_decisions, decisions);

static const char * const reopen_reasons[] = {
  "客户认为答复没有解决实际问题，要求重新核查。",
  "客户对处理结果不满意，认为承办人敷衍，要求部门负责人处理。",
  "回访时客户表示问题仍未解决，再次提出诉求。",
};
LIST (sw_demo_reopen_reasons, reopen_reasons);

static const char * const low_comments[] = {
  "客户对答复不满意，认为问题没有解决。",
  "客户表示办理时间太长，结果也不满意。",
};
LIST (sw_demo_low_comments, low_comments);

static const char * const good_comments[] = {
  "客户表示一般，希望以后办理快一些。",
  "客户基本满意。",
  "客户表示满意，感谢首问责任人跟踪办理。",
};
LIST (sw_demo_good_comments, good_comments);
